#include "Application.h"

#include "cli/CommandLine.h"
#include "identity/AccountManager.h"
#include "sandbox/Sandbox.h"
#include "secrets/KeychainSecretStore.h"
#include "setup/SetupController.h"
#include "ui/AppIcon.h"
#include "ui/MainWindow.h"
#include "ui/widgets/FieldMessage.h"
#include "ui/wizard/SetupWizard.h"

#include <QAbstractButton>
#include <QCommandLineOption>
#include <QCommandLineParser>
#include <QDesktopServices>
#include <QDir>
#include <QEvent>
#include <QFile>
#include <QJsonDocument>
#include <QLabel>
#include <QMetaEnum>
#include <QSet>
#include <QSocketNotifier>
#include <QStandardPaths>
#include <QSysInfo>
#include <QTextStream>
#include <QTimer>
#include <QWindow>

#ifdef Q_OS_UNIX
#include <unistd.h>
#endif

namespace Dps {

namespace {
const char LanguageOptionName[] = "lang";

QString dataDirectory()
{
    return qEnvironmentVariableIsSet("DPS_SETUP_DATA_DIR") ? qEnvironmentVariable("DPS_SETUP_DATA_DIR")
                                                           : QStandardPaths::writableLocation(QStandardPaths::AppLocalDataLocation);
}

// Opt-in hooks for tests/bench/bench_wizard, which measures the cold start and the idle memory: once the
// main window is first exposed (really mapped, not merely show()n), DPS_SETUP_REPORT_SHOWN=1 prints
// "dps-setup: shown" on stderr and DPS_SETUP_EXIT_WHEN_SHOWN=1 quits with exit code 0. Without either
// variable nothing is installed. tests/bench/hello_widget.cpp does the same for the baseline.
class FirstExposeHook : public QObject
{
public:
    static void installIfRequested(QWidget *topLevel)
    {
        const bool report = qEnvironmentVariableIntValue("DPS_SETUP_REPORT_SHOWN") == 1;
        const bool exit = qEnvironmentVariableIntValue("DPS_SETUP_EXIT_WHEN_SHOWN") == 1;
        QWindow *window = topLevel->windowHandle();
        if ((!report && !exit) || !window)
            return;
        auto *hook = new FirstExposeHook(window, report, exit);
        // A platform may expose the window synchronously inside show().
        if (window->isExposed())
            hook->fire();
        else
            window->installEventFilter(hook);
    }

protected:
    bool eventFilter(QObject *watched, QEvent *event) override
    {
        if (event->type() == QEvent::Expose && static_cast<QWindow *>(watched)->isExposed())
            fire();
        return false;
    }

private:
    FirstExposeHook(QWindow *window, bool report, bool exit)
        : QObject(window)
        , m_report(report)
        , m_exit(exit)
    {
    }

    void fire()
    {
        parent()->removeEventFilter(this);
        if (m_report)
            QTextStream(stderr) << "dps-setup: shown" << Qt::endl;
        // Queued: exit() does nothing before exec() runs, and the expose may come before it.
        if (m_exit)
            QMetaObject::invokeMethod(qApp, [] { QCoreApplication::exit(0); }, Qt::QueuedConnection);
        deleteLater();
    }

    bool m_report;
    bool m_exit;
};

// Opt-in hook for the tests that start the real app (tests/setup/tst_app_start.cpp): with
// DPS_SETUP_REPORT_STATE=1 the app prints on stderr, whenever they change, the wizard's page
// ("dps-setup: page SignIn") and the messages the person sees on it, banners and field messages
// ("dps-setup: message <text>"), and takes what a person would do from lines on stdin: "next"
// (the Next button) and "click <objectName>" (a button of the wizard). Without the variable nothing
// is installed.
class StateReporter : public QObject
{
public:
    static void installIfRequested(Ui::SetupWizard *wizard)
    {
        if (qEnvironmentVariableIntValue("DPS_SETUP_REPORT_STATE") == 1 && wizard)
            new StateReporter(wizard);
    }

private:
    explicit StateReporter(Ui::SetupWizard *wizard)
        : QObject(wizard)
        , m_wizard(wizard)
    {
        auto *timer = new QTimer(this);
        connect(timer, &QTimer::timeout, this, &StateReporter::report);
        timer->start(50);
#ifdef Q_OS_UNIX
        auto *notifier = new QSocketNotifier(STDIN_FILENO, QSocketNotifier::Read, this);
        connect(notifier, &QSocketNotifier::activated, this, [this, notifier] {
            char buffer[256];
            const qint64 n = ::read(STDIN_FILENO, buffer, sizeof buffer);
            if (n <= 0) {
                notifier->setEnabled(false); // end of input
                return;
            }
            m_pending += QByteArray(buffer, int(n));
            qsizetype end;
            while ((end = m_pending.indexOf('\n')) >= 0) {
                act(QString::fromUtf8(m_pending.left(end)).trimmed());
                m_pending.remove(0, end + 1);
            }
        });
#endif
    }

    void act(const QString &command)
    {
        QTextStream err(stderr);
        if (command == QLatin1String("next")) {
            m_wizard->next();
        } else if (command.startsWith(QLatin1String("click "))) {
            auto *button = m_wizard->findChild<QAbstractButton *>(command.mid(6));
            if (button && button->isEnabled() && button->isVisibleTo(m_wizard))
                button->click();
            else
                err << "dps-setup: cannot " << command << Qt::endl;
        } else if (!command.isEmpty()) {
            err << "dps-setup: unknown command " << command << Qt::endl;
        }
    }

    void report()
    {
        QTextStream err(stderr);
        const QString page = QString::fromLatin1(QMetaEnum::fromType<Ui::SetupWizard::PageId>().valueToKey(m_wizard->currentId()));
        if (page != m_page) {
            m_page = page;
            m_seen.clear();
            err << "dps-setup: page " << page << Qt::endl;
        }
        QStringList now;
        if (QWidget *current = m_wizard->currentPage()) {
            for (const QLabel *label : current->findChildren<QLabel *>()) {
                if (!label->isVisibleTo(m_wizard))
                    continue;
                if (const auto *field = qobject_cast<const Ui::FieldMessage *>(label))
                    now << field->text();
                else if (label->objectName() == QLatin1String("bannerText"))
                    now << label->text();
            }
        }
        for (const QString &text : std::as_const(now)) {
            if (!text.isEmpty() && !m_seen.contains(text))
                err << "dps-setup: message " << QString(text).replace(QLatin1Char('\n'), QLatin1Char(' ')) << Qt::endl;
        }
        m_seen = QSet<QString>(now.cbegin(), now.cend());
    }

    Ui::SetupWizard *m_wizard;
    QString m_page;
    QSet<QString> m_seen;
    QByteArray m_pending;
};
} // namespace

Application::Application(int &argc, char **argv)
    : QApplication(argc, argv)
{
    setApplicationName(QStringLiteral("dps-setup"));
    setOrganizationName(QStringLiteral("dps-setup"));
    setApplicationVersion(QStringLiteral(DPS_VERSION));
    // Matches packaging/linux/<id>.desktop, so Wayland compositors find our icon and name.
    setDesktopFileName(QStringLiteral("io.github.dpssetup.DpsSetup"));
    setWindowIcon(applicationIcon());
}

Application::~Application()
{
    // The wizard and the controller talk to the sandbox: they go first.
    m_mainWindow.reset();
    m_controller.reset();
    m_accounts.reset();
    m_sandbox.reset();
}

bool Application::startEmbeddedSandbox(QJsonObject *info, QString *error)
{
    if (!m_sandbox) {
        Sandbox::SandboxOptions options;
        options.world = QStringLiteral("demo");
        // "Try it" signs in as the demo world's person with a browser sign-in the sandbox approves itself.
        options.autoApprove = true;
        auto sandbox = std::make_unique<Sandbox::Sandbox>(options);
        if (!sandbox->start(error))
            return false;
        m_sandbox = std::move(sandbox);
    }
    *info = m_sandbox->info();
    return true;
}

Application::Options Application::addOptions(QCommandLineParser &parser)
{
    parser.addHelpOption();
    parser.addVersionOption();
    //: %1 is a language code.
    const QString languageHelp = tr("Use this language for the user interface instead of the "
                                    "system's language, for example %1.")
                                     .arg(QStringLiteral("de"));
    parser.addOption(
        QCommandLineOption(QLatin1String(LanguageOptionName), languageHelp, tr("language")));
    Options options{QCommandLineOption(QStringLiteral("sandbox"),
                                       tr("Try the app without an Azure account: start a local sandbox with demo "
                                          "subscriptions and sign in to it.")),
                    QCommandLineOption(QStringLiteral("sandbox-info"),
                                       tr("Use a running arm-sandbox, described by its info file, instead of Azure."),
                                       tr("file"))};
    parser.addOption(options.sandbox);
    parser.addOption(options.sandboxInfo);
    return options;
}

namespace {
// The options QGuiApplication and QApplication take for themselves (and remove before the app's own
// parser sees them): a session manager restarts the app with -session, a user may pass -platform or
// -style. With a value unless noted.
QStringList withoutQtOptions(const QStringList &arguments)
{
    static const QStringList withValue{QStringLiteral("platform"), QStringLiteral("platformpluginpath"),
                                       QStringLiteral("platformtheme"), QStringLiteral("plugin"),
                                       QStringLiteral("qwindowgeometry"), QStringLiteral("qwindowicon"),
                                       QStringLiteral("qwindowtitle"), QStringLiteral("session"),
                                       QStringLiteral("display"), QStringLiteral("geometry"),
                                       QStringLiteral("style"), QStringLiteral("stylesheet"),
                                       QStringLiteral("qmljsdebugger")};
    static const QStringList flags{QStringLiteral("reverse"), QStringLiteral("widgetcount"), QStringLiteral("nograb"),
                                   QStringLiteral("dograb"), QStringLiteral("sync")};
    QStringList kept;
    for (qsizetype i = 0; i < arguments.size(); ++i) {
        const QString &a = arguments.at(i);
        if (i == 0 || !a.startsWith(QLatin1Char('-')) || a == QLatin1String("--")) {
            kept << a;
            continue;
        }
        QString name = a.mid(a.startsWith(QLatin1String("--")) ? 2 : 1);
        const bool inlineValue = name.contains(QLatin1Char('='));
        name = name.section(QLatin1Char('='), 0, 0);
        if (flags.contains(name))
            continue;
        if (withValue.contains(name)) {
            if (!inlineValue)
                ++i; // its value
            continue;
        }
        kept << a;
    }
    return kept;
}
} // namespace

int Application::checkArguments(const QStringList &allArguments)
{
    const QStringList arguments = withoutQtOptions(allArguments);
    QCommandLineParser parser;
    addOptions(parser);
    QString problem;
    if (!parser.parse(arguments))
        problem = parser.errorText();
    else if (!parser.positionalArguments().isEmpty())
        problem = tr("Unexpected argument '%1'.").arg(parser.positionalArguments().constFirst());
    if (problem.isEmpty())
        return -1;
    QTextStream(stderr) << problem << Qt::endl << Cli::usage() << Qt::endl;
    return Cli::UsageError;
}

int Application::run()
{
    // The language has to be known before the first translated text, which may be --help's.
    m_translator.install(requestedLocale());
    setApplicationDisplayName(tr("DPS Setup"));

    QCommandLineParser parser;
    parser.setApplicationDescription(
        tr("Sets up an Azure IoT Hub Device Provisioning Service without the Azure portal."));
    const Options options = addOptions(parser);
    const QCommandLineOption &sandboxOption = options.sandbox;
    const QCommandLineOption &sandboxInfoOption = options.sandboxInfo;
    parser.process(*this); // checkArguments() has refused what it would complain about

    m_accountStore = std::make_shared<Identity::AccountStore>();
    m_keychain = std::make_unique<Secrets::KeychainSecretStore>();
    m_accounts = std::make_unique<Identity::AccountManager>(m_accountStore, m_keychain.get());
    m_accounts->setUrlOpener([](const QUrl &url) { return QDesktopServices::openUrl(url); });
    Http::PipelineOptions pipelineOptions;
    pipelineOptions.userAgent = QStringLiteral("dps-setup/%1 (%2; Qt %3)")
                                    .arg(applicationVersion(), QSysInfo::prettyProductName(), QString::fromLatin1(qVersion()))
                                    .toUtf8();
    m_accounts->setPipelineOptions(pipelineOptions);

    m_controller = std::make_unique<Setup::SetupController>(nullptr, m_accounts.get(),
                                                            QDir(dataDirectory()).filePath(QStringLiteral("runs")));
    m_controller->setUserAgent(pipelineOptions.userAgent);
    m_controller->setSandboxStarter([this](QJsonObject *info, QString *error) { return startEmbeddedSandbox(info, error); });
    m_controller->restoreChoices();

    m_mainWindow = std::make_unique<MainWindow>();
    m_mainWindow->setWizard(new Ui::SetupWizard(*m_controller));
    if (parser.isSet(sandboxInfoOption)) {
        QFile file(parser.value(sandboxInfoOption));
        if (!file.open(QIODevice::ReadOnly)) {
            QTextStream(stderr) << tr("Cannot read the sandbox info file %1: %2").arg(file.fileName(), file.errorString()) << Qt::endl;
            return 2;
        }
        m_controller->useSandbox(QJsonDocument::fromJson(file.readAll()).object());
    } else if (parser.isSet(sandboxOption)) {
        m_controller->startSandbox();
    }
    m_mainWindow->show();
    FirstExposeHook::installIfRequested(m_mainWindow.get());
    StateReporter::installIfRequested(m_mainWindow->wizard());
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
