#include "Application.h"

#include "ui/AppIcon.h"
#include "ui/MainWindow.h"

#include <QCommandLineOption>
#include <QCommandLineParser>

namespace Dps {

namespace {
const char LanguageOptionName[] = "lang";
} // namespace

Application::Application(int &argc, char **argv)
    : QApplication(argc, argv)
{
    setApplicationName(QStringLiteral("dps-setup"));
    setApplicationVersion(QStringLiteral(DPS_VERSION));
    // Matches packaging/linux/<id>.desktop, so Wayland compositors find our icon and name.
    setDesktopFileName(QStringLiteral("io.github.dpssetup.DpsSetup"));
    setWindowIcon(applicationIcon());
}

Application::~Application() = default;

int Application::run()
{
    // The language has to be known before the first translated text, which may be --help's.
    m_translator.install(requestedLocale());
    setApplicationDisplayName(tr("DPS Setup"));

    QCommandLineParser parser;
    parser.setApplicationDescription(
        tr("Sets up an Azure IoT Hub Device Provisioning Service without the Azure portal."));
    parser.addHelpOption();
    parser.addVersionOption();
    //: %1 is a language code.
    const QString languageHelp = tr("Use this language for the user interface instead of the "
                                    "system's language, for example %1.")
                                     .arg(QStringLiteral("de"));
    parser.addOption(
        QCommandLineOption(QLatin1String(LanguageOptionName), languageHelp, tr("language")));
    parser.process(*this);

    m_mainWindow = std::make_unique<MainWindow>();
    m_mainWindow->show();
    return exec();
}

// --lang, or else the system locale, whose UI languages follow $LANGUAGE, $LC_ALL, $LC_MESSAGES
// and $LANG. Only --lang is looked at here; the full parser in run() reports unknown options.
QLocale Application::requestedLocale() const
{
    QCommandLineParser parser;
    const QCommandLineOption languageOption(QLatin1String(LanguageOptionName),
                                            QString(),
                                            QStringLiteral("language"));
    parser.addOption(languageOption);
    parser.parse(arguments());
    return parser.isSet(languageOption) ? QLocale(parser.value(languageOption)) : QLocale();
}

} // namespace Dps
