#include "Application.h"

#include "cli/CommandLine.h"

#include <QCoreApplication>

int main(int argc, char **argv)
{
    // `dps-setup setup|show|list ...` runs the command line without a display (QCoreApplication);
    // anything else starts the desktop app.
    QStringList arguments;
    for (int i = 0; i < argc; ++i)
        arguments << QString::fromLocal8Bit(argv[i]);
    if (Dps::Cli::isCommandLineInvocation(arguments)) {
        QCoreApplication app(argc, argv);
        QCoreApplication::setApplicationName(QStringLiteral("dps-setup"));
        QCoreApplication::setApplicationVersion(QStringLiteral(DPS_VERSION));
        return Dps::Cli::run(arguments);
    }
    Dps::Application app(argc, argv);
    return app.run();
}
