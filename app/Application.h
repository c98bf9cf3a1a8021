#pragma once

#include "ui/Translator.h"

#include <QApplication>
#include <QCommandLineOption>
#include <QCommandLineParser>
#include <QLocale>

#include <memory>

namespace Dps {

namespace Identity {
class AccountManager;
class AccountStore;
} // namespace Identity
namespace Secrets {
class KeychainSecretStore;
}
namespace Sandbox {
class Sandbox;
}
namespace Setup {
class SetupController;
}
class MainWindow;
namespace Ui {
class SetupWizard;
}

// The composition root (STYLE.md section 1), the only place that picks concrete classes: it reads
// the command line, installs the translations, wires the keychain, the account manager and the
// setup controller (and, for --sandbox or "Try it", the embedded sandbox), and shows the wizard.
class Application : public QApplication
{
    Q_OBJECT

public:
    Application(int &argc, char **argv);
    ~Application() override;

    // Runs the application and returns its exit code.
    int run();

    // Before any window: an unknown option or a stray argument prints the usage; returns the exit code
    // (2), or -1 when the arguments are fine.
    static int checkArguments(const QStringList &arguments);

private:
    struct Options
    {
        QCommandLineOption sandbox;
        QCommandLineOption sandboxInfo;
    };
    static Options addOptions(QCommandLineParser &parser); // also --help, --version, --lang

    QLocale requestedLocale() const;
    bool startEmbeddedSandbox(QJsonObject *info, QString *error);

    Translator m_translator;
    std::shared_ptr<Identity::AccountStore> m_accountStore;
    std::unique_ptr<Secrets::KeychainSecretStore> m_keychain;
    std::unique_ptr<Identity::AccountManager> m_accounts;
    std::unique_ptr<Sandbox::Sandbox> m_sandbox;
    std::unique_ptr<Setup::SetupController> m_controller;
    std::unique_ptr<MainWindow> m_mainWindow;
};

} // namespace Dps
