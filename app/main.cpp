#include "Application.h"

#include "cli/CommandLine.h"

#include <QCoreApplication>

int main(int argc, char **argv)
{
    // `dps-setup <command> ...` runs the command line without a display (QCoreApplication); options
    // alone start the desktop app, once they are known to be fine (no window for a typo).
    QStringList arguments;
    for (int i = 0; i < argc; ++i)
        arguments << QString::fromLocal8Bit(argv[i]);
    if (Dps::Cli::isCommandLineInvocation(arguments)) {
        QCoreApplication app(argc, argv);
        QCoreApplication::setApplicationName(QStringLiteral("dps-setup"));
        QCoreApplication::setApplicationVersion(QStringLiteral(DPS_VERSION));
        return Dps::Cli::run(arguments);
    }
    if (const int rc = Dps::Application::checkArguments(arguments); rc >= 0)
        return rc;
    Dps::Application app(argc, argv);
    return app.run();
}
