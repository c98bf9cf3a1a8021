// dps-setup login | logout | account list: remembered accounts on the command line (AccountManager).
// Secrets: the refresh token or the service principal's secret goes to the OS keychain through the
// AccountManager; this file never prints one, never takes one as an argument and never logs one.
#include "CliSupport.h"

#include "secrets/SecretStoreAvailability.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QCryptographicHash>
#include <QJsonDocument>
#include <QSslCertificate>
#include <QProcess>
#include <QSocketNotifier>
#include <QStandardPaths>
#include <QTimer>

#include <iostream>
#include <string>
#include <termios.h>
#include <unistd.h>

namespace Dps::Cli::Detail {

namespace {

using Identity::Account;
using Identity::AccountError;
using Identity::AccountOperation;
using Identity::AccountTenant;
using Identity::SignInMethod;

// The command that opens a URL: --open-url-command or DPS_SETUP_BROWSER (tests: a fetcher that
// follows the redirect like a browser), else the desktop's own opener.
QString openerCommand(const QCommandLineParser &p)
{
    if (p.isSet(QStringLiteral("open-url-command")))
        return p.value(QStringLiteral("open-url-command"));
    return qEnvironmentVariable("DPS_SETUP_BROWSER");
}

QStringList systemOpener()
{
#if defined(Q_OS_MACOS)
    return {QStringLiteral("open")};
#elif defined(Q_OS_WIN)
    return {QStringLiteral("rundll32"), QStringLiteral("url.dll,FileProtocolHandler")};
#else
    const QString xdgOpen = QStandardPaths::findExecutable(QStringLiteral("xdg-open"));
    if (xdgOpen.isEmpty())
        return {};
    return {xdgOpen};
#endif
}

bool canOpenBrowser(const QString &command)
{
    if (!command.isEmpty())
        return true;
#if defined(Q_OS_UNIX) && !defined(Q_OS_MACOS)
    if (qEnvironmentVariableIsEmpty("DISPLAY") && qEnvironmentVariableIsEmpty("WAYLAND_DISPLAY"))
        return false;
#endif
    return !systemOpener().isEmpty();
}

// Starts the browser with an argument list (no shell). The URL is printed anyway (waitingForBrowser).
Identity::UrlOpener makeOpener(const QString &command)
{
    return [command](const QUrl &url) {
        QStringList args = command.isEmpty() ? systemOpener() : QProcess::splitCommand(command);
        if (args.isEmpty())
            return false;
        const QString program = args.takeFirst();
        args << url.toString(QUrl::FullyEncoded);
        return QProcess::startDetached(program, args);
    };
}

// The service principal's secret: never an argument. From a terminal with echo off, else one line of
// standard input (a pipe from a secret manager).
QString readSecret(const QString &prompt)
{
    std::string line;
    if (::isatty(STDIN_FILENO)) {
        err() << prompt << Qt::flush;
        termios saved{};
        const bool haveTerminal = ::tcgetattr(STDIN_FILENO, &saved) == 0;
        if (haveTerminal) {
            termios silent = saved;
            silent.c_lflag &= ~tcflag_t(ECHO);
            ::tcsetattr(STDIN_FILENO, TCSANOW, &silent);
        }
        std::getline(std::cin, line);
        if (haveTerminal)
            ::tcsetattr(STDIN_FILENO, TCSANOW, &saved);
        err() << Qt::endl;
    } else {
        std::getline(std::cin, line);
    }
    QString secret = QString::fromStdString(line);
    while (secret.endsWith(QLatin1Char('\r')) || secret.endsWith(QLatin1Char('\n')))
        secret.chop(1);
    std::fill(line.begin(), line.end(), '\0');
    return secret;
}

// The extra CA certificates a remembered cloud trusts (for its own endpoints only): subject and
// SHA-256 fingerprint, so a person can see what their sign-in relies on.
QStringList caDescriptions(const Arm::Cloud &cloud)
{
    QStringList out;
    for (const QSslCertificate &c : cloud.extraCaCertificates) {
        const QStringList cn = c.subjectInfo(QSslCertificate::CommonName);
        out << QStringLiteral("%1 (SHA-256 %2)")
                   .arg(cn.isEmpty() ? c.subjectDisplayName() : cn.join(QStringLiteral(", ")),
                        QString::fromLatin1(c.digest(QCryptographicHash::Sha256).toHex(':')));
    }
    return out;
}

QJsonObject accountJson(const Account &a, bool lastUsed)
{
    QJsonObject json = a.toJson();
    const Arm::Cloud cloud = a.toCloud();
    json.insert(QStringLiteral("cloud"),
                QJsonObject{{QStringLiteral("kind"), Identity::cloudKindName(cloud.kind)},
                            {QStringLiteral("name"), cloud.name},
                            {QStringLiteral("armEndpoint"), cloud.armEndpoint.toString()},
                            {QStringLiteral("authorityHost"), cloud.authorityHost.toString()}});
    QJsonArray certificates;
    for (const QString &ca : caDescriptions(cloud))
        certificates.append(ca);
    if (!certificates.isEmpty())
        json.insert(QStringLiteral("trustedCertificates"), certificates);
    json.insert(QStringLiteral("lastUsed"), lastUsed);
    json.insert(QStringLiteral("needsSignIn"), a.needsSignIn);
    if (a.sessionOnly)
        json.insert(QStringLiteral("sessionOnly"), true);
    return json;
}

QJsonArray tenantsJson(const QList<AccountTenant> &tenants)
{
    QJsonArray array;
    for (const AccountTenant &t : tenants)
        array.append(t.toJson());
    return array;
}

QString stateLabel(AccountTenant::State state)
{
    switch (state) {
    case AccountTenant::State::Ready:
        return tr("ready");
    case AccountTenant::State::NeedsSignIn:
        return tr("needs sign-in");
    case AccountTenant::State::Failed:
        return tr("failed");
    }
    return {};
}

void printTenants(const QList<AccountTenant> &tenants, const QString &indent)
{
    for (const AccountTenant &t : tenants) {
        QString line = QStringLiteral("%1%2 (%3)  %4")
                           .arg(indent,
                                t.displayName.isEmpty() ? t.tenantId : t.displayName,
                                t.defaultDomain.isEmpty()
                                    ? t.tenantId
                                    : t.defaultDomain + QStringLiteral(", ") + t.tenantId,
                                stateLabel(t.state));
        if (t.state == AccountTenant::State::Ready)
            line += QStringLiteral("  ")
                    + QCoreApplication::translate("Dps::Cli",
                                                  "%n subscription(s)",
                                                  nullptr,
                                                  int(t.subscriptions.size()));
        out() << line << Qt::endl;
        if (!t.message.isEmpty())
            out() << indent << QStringLiteral("  ") << t.message << Qt::endl;
        for (const auto &sub : t.subscriptions)
            out() << indent << QStringLiteral("  ") << sub.subscriptionId << QStringLiteral("  ")
                  << sub.displayName
                  << (sub.isEnabled() ? QString() : QStringLiteral(" (%1)").arg(sub.state))
                  << Qt::endl;
    }
}

QString tenantNote(const QList<AccountTenant> &tenants)
{
    QStringList needs;
    for (const AccountTenant &t : tenants) {
        if (t.state == AccountTenant::State::NeedsSignIn)
            needs << (t.displayName.isEmpty() ? t.tenantId : t.displayName);
    }
    if (needs.isEmpty())
        return {};
    return tr("Tenants that need an interactive sign-in (MFA or Conditional Access): %1. Sign in "
              "to one with \"dps-setup login --tenant <id>\".")
        .arg(needs.join(QStringLiteral(", ")));
}

} // namespace

// ---- login --------------------------------------------------------------------------------------

int runLogin(const QStringList &arguments)
{
    QCommandLineParser p;
    p.setApplicationDescription(tr("Signs in to Microsoft Entra ID and remembers the account. Only "
                                   "the refresh token (or a service "
                                   "principal's secret) is kept, in the OS keychain; setup, show "
                                   "and list then use the account, also "
                                   "from a new process. Without a method option: the browser when "
                                   "one can be opened, else a device code."));
    addCloudOptions(p);
    p.addOption({QStringLiteral("browser"), tr("Sign in with the system browser.")});
    p.addOption({QStringLiteral("device-code"),
                 tr("Sign in on any device with a code (for a terminal without a browser).")});
    p.addOption({QStringLiteral("service-principal"),
                 tr("Sign in as a service principal: --tenant and --client-id (or AZURE_TENANT_ID "
                    "and AZURE_CLIENT_ID); the "
                    "secret from AZURE_CLIENT_SECRET, else it is asked for (never an argument).")});
    p.addOption({QStringLiteral("azure-cli"),
                 tr("Use the Azure CLI's login (\"az login\"); nothing is stored.")});
    p.addOption({QStringLiteral("tenant"),
                 tr("Tenant to sign in to: an ID or a domain (default: your home tenant)."),
                 tr("id")});
    p.addOption({QStringLiteral("client-id"),
                 tr("Client ID of your own app registration (default: the Azure CLI's public "
                    "client), or the service principal's."),
                 tr("id")});
    p.addOption(
        {QStringLiteral("login-hint"), tr("User name to fill in on the sign-in page."), tr("user")});
    p.addOption({QStringLiteral("session-only"),
                 tr("Don't remember the account and keep nothing in the keychain.")});
    p.addOption({QStringLiteral("no-tenants"),
                 tr("Don't list the account's tenants and subscriptions after signing in.")});
    p.addOption({QStringLiteral("json"),
                 tr("Print the account and its tenants as JSON on standard output.")});
    QCommandLineOption openUrl(QStringLiteral("open-url-command"),
                               tr("Command that opens the sign-in page."),
                               tr("command"));
    openUrl.setFlags(QCommandLineOption::HiddenFromHelp);
    p.addOption(openUrl);
    if (const int rc = parseArguments(p, arguments); rc >= 0)
        return rc;
    const bool json = p.isSet(QStringLiteral("json"));

    QList<SignInMethod> methods;
    if (p.isSet(QStringLiteral("browser")))
        methods << SignInMethod::Browser;
    if (p.isSet(QStringLiteral("device-code")))
        methods << SignInMethod::DeviceCode;
    if (p.isSet(QStringLiteral("service-principal")))
        methods << SignInMethod::ServicePrincipal;
    if (p.isSet(QStringLiteral("azure-cli")))
        methods << SignInMethod::AzureCli;
    if (methods.size() > 1) {
        err() << tr("Choose one of --browser, --device-code, --service-principal and --azure-cli.")
              << Qt::endl;
        return UsageError;
    }
    const QString opener = openerCommand(p);
    SignInMethod method = SignInMethod::Browser;
    if (!methods.isEmpty()) {
        method = methods.first();
    } else if (!canOpenBrowser(opener)) {
        method = SignInMethod::DeviceCode;
        err() << tr("No browser can be opened here: signing in with a device code.") << Qt::endl;
    }
    if (p.value(QStringLiteral("cloud")).compare(QLatin1String("sandbox"), Qt::CaseInsensitive) == 0
        && !p.isSet(QStringLiteral("sandbox-info"))) {
        err() << tr("login with --cloud sandbox needs --sandbox-info (an embedded sandbox would "
                    "end with this command).")
              << Qt::endl;
        return UsageError;
    }

    Identity::SignInOptions options;
    options.tenant = p.value(QStringLiteral("tenant")).trimmed();
    options.clientId = p.value(QStringLiteral("client-id")).trimmed();
    options.loginHint = p.value(QStringLiteral("login-hint")).trimmed();
    options.sessionOnly = p.isSet(QStringLiteral("session-only"));
    options.ifNoKeychain = Identity::SignInOptions::IfNoKeychain::Fail; // the probe asked first
    if (method == SignInMethod::ServicePrincipal) {
        if (options.tenant.isEmpty())
            options.tenant = qEnvironmentVariable("AZURE_TENANT_ID").trimmed();
        if (options.clientId.isEmpty())
            options.clientId = qEnvironmentVariable("AZURE_CLIENT_ID").trimmed();
        if (options.tenant.isEmpty() || options.clientId.isEmpty()) {
            err() << tr("A service principal needs --tenant and --client-id (or AZURE_TENANT_ID "
                        "and AZURE_CLIENT_ID).")
                  << Qt::endl;
            return UsageError;
        }
    }

    Session s;
    if (const int rc = resolveCloud(p, s); rc >= 0)
        return rc;
    if (method == SignInMethod::ServicePrincipal) {
        options.clientSecret = qEnvironmentVariable("AZURE_CLIENT_SECRET");
        if (options.clientSecret.isEmpty())
            options.clientSecret = readSecret(tr("Client secret of %1: ").arg(options.clientId));
        if (options.clientSecret.isEmpty()) {
            err() << tr("No client secret: set AZURE_CLIENT_SECRET or type it when asked.")
                  << Qt::endl;
            return UsageError;
        }
    }
    ensureAccounts(s);
    s.accounts->setPipelineOptions(pipelineOptions(s.cloud));
    s.accounts->setUrlOpener(makeOpener(opener));

    int exitCode = Success;
    QObject context;
    QPointer<AccountOperation> running;
    auto quit = [&](int code) {
        exitCode = code;
        QCoreApplication::exit(code);
    };
    auto report =
        [&](const Account &account, const QList<AccountTenant> &tenants, bool withTenants) {
            if (json) {
                QJsonObject doc{{QStringLiteral("status"), QStringLiteral("signed-in")},
                                {QStringLiteral("account"),
                                 accountJson(account, !account.sessionOnly)}};
                if (withTenants)
                    doc.insert(QStringLiteral("tenants"), tenantsJson(tenants));
                out() << QJsonDocument(doc).toJson(QJsonDocument::Indented);
            } else if (withTenants) {
                out() << tr("Tenants of %1:").arg(account.label()) << Qt::endl;
                printTenants(tenants, QStringLiteral("  "));
            }
            out().flush();
            const QString note = tenantNote(tenants);
            if (!note.isEmpty())
                err() << note << Qt::endl;
            quit(Success);
        };
    auto signedIn = [&](const Account &account) {
        err() << tr("Signed in as %1: %2, home tenant %3.")
                     .arg(account.label(),
                          Identity::methodLabel(account.method),
                          account.homeTenantId)
              << Qt::endl;
        if (account.sessionOnly)
            err() << tr(
                "Nothing was remembered (--session-only): the sign-in ends with this command.")
                  << Qt::endl;
        else if (account.method == SignInMethod::AzureCli)
            err() << tr("Remembered: setup, show and list use the Azure CLI's login from now on; "
                        "\"dps-setup logout\" forgets it.")
                  << Qt::endl;
        else
            err() << tr("Remembered, with the sign-in kept in the OS keychain: setup, show and "
                        "list use this account from now on; \"dps-setup logout\" forgets it.")
                  << Qt::endl;
        if (p.isSet(QStringLiteral("no-tenants"))) {
            report(account, {}, false);
            return;
        }
        AccountOperation *op = s.accounts->tenants(account);
        running = op;
        QObject::connect(op, &AccountOperation::finished, &context, [&, op](const Account &a) {
            report(a, op->tenants(), true);
        });
        QObject::connect(op,
                         &AccountOperation::failed,
                         &context,
                         [&, account](const AccountError &e) {
                             err() << tr("Could not list the tenants: %1").arg(e.userMessage())
                                   << Qt::endl;
                             report(account, {}, false);
                         });
    };
    auto startSignIn = [&]() {
        AccountOperation *op = s.accounts->signIn(method, s.cloud, options);
        running = op;
        options.clientSecret.fill(QLatin1Char('x'));
        auto printed = std::make_shared<bool>(false);
        QObject::connect(
            op, &AccountOperation::waitingForBrowser, &context, [printed](const QUrl &url) {
                if (*printed)
                    return;
                *printed = true;
                err() << tr(
                    "Sign in with your browser. If it does not open, open this address yourself:")
                      << Qt::endl
                      << QStringLiteral("  ") << url.toString(QUrl::FullyEncoded) << Qt::endl;
            });
        QObject::connect(op,
                         &AccountOperation::codeReady,
                         &context,
                         [](const QString &userCode, const QUrl &uri, const QString &message, int) {
                             if (!message.isEmpty())
                                 err() << message << Qt::endl;
                             else
                                 err() << tr("To sign in, open %1 and enter the code %2.")
                                              .arg(uri.toString(), userCode)
                                       << Qt::endl;
                         });
        QObject::connect(op, &AccountOperation::finished, &context, signedIn);
        QObject::connect(op, &AccountOperation::failed, &context, [&](const AccountError &e) {
            err() << tr("Sign-in failed: %1").arg(e.userMessage()) << Qt::endl;
            const QString details = e.technicalDetails();
            if (!details.isEmpty() && details != e.userMessage())
                err() << details << Qt::endl;
            if (json)
                out() << QJsonDocument(
                             QJsonObject{{QStringLiteral("status"), QStringLiteral("failed")},
                                         {QStringLiteral("error"),
                                          QJsonObject{
                                              {QStringLiteral("message"), e.userMessage()}}}})
                             .toJson(QJsonDocument::Indented);
            out().flush();
            quit(exitCodeFor(e));
        });
    };

    QSocketNotifier notifier(signalReadFd(), QSocketNotifier::Read);
    QObject::connect(&notifier, &QSocketNotifier::activated, &context, [&]() {
        char c;
        [[maybe_unused]] const auto n = ::read(signalReadFd(), &c, 1);
        err() << tr("Cancelling the sign-in.") << Qt::endl;
        if (running)
            running->cancel();
        else
            quit(Cancelled);
    });

    if (options.sessionOnly || method == SignInMethod::AzureCli) {
        QTimer::singleShot(0, &context, startSignIn);
    } else {
        // Before anyone types anything: can the keychain keep the sign-in?
        auto *probe = s.accounts->probeKeychain();
        QObject::connect(probe, &Secrets::SecretStoreAvailability::finished, &context, startSignIn);
        QObject::connect(probe,
                         &Secrets::SecretStoreAvailability::failed,
                         &context,
                         [&](const Secrets::SecretError &e) {
                             err() << e.userMessage() << Qt::endl
                                   << tr("Nothing can be remembered without a keychain. Run the "
                                         "command again with --session-only to sign in for "
                                         "this command only, or use a service principal through "
                                         "AZURE_TENANT_ID, AZURE_CLIENT_ID and "
                                         "AZURE_CLIENT_SECRET.")
                                   << Qt::endl;
                             quit(AuthenticationFailed);
                         });
    }
    const int code = QCoreApplication::exec();
    return finishSession(s, code == 0 ? exitCode : code);
}

// ---- logout -------------------------------------------------------------------------------------

int runLogout(const QStringList &arguments)
{
    QCommandLineParser p;
    p.setApplicationDescription(
        tr("Signs out: forgets the account and deletes its saved sign-in from the OS keychain. "
           "Without options, the last used account."));
    p.addOption({QStringLiteral("all"), tr("Sign out of every account.")});
    p.addOption({QStringLiteral("account"),
                 tr("The account to sign out of (its ID or user name)."),
                 tr("account")});
    p.addOption({QStringLiteral("verbose"), tr("Log what happens on standard error.")});
    p.addHelpOption();
    if (const int rc = parseArguments(p, arguments); rc >= 0)
        return rc;
    Session s;
    ensureAccounts(s);
    QList<Account> targets;
    if (p.isSet(QStringLiteral("all"))) {
        targets = s.accounts->accounts();
    } else if (p.isSet(QStringLiteral("account"))) {
        const auto a = s.accountStore->find(p.value(QStringLiteral("account")));
        if (!a) {
            err() << tr("No remembered account matches '%1' (see dps-setup account list).")
                         .arg(p.value(QStringLiteral("account")))
                  << Qt::endl;
            return UsageError;
        }
        targets << *a;
    } else if (const auto last = s.accountStore->lastUsed()) {
        targets << *last;
    } else if (s.accounts->accounts().size() == 1) {
        targets << s.accounts->accounts().first();
    } else if (!s.accounts->accounts().isEmpty()) {
        err() << tr("Several accounts are remembered: name one with --account, or use --all (see "
                    "dps-setup account list).")
              << Qt::endl;
        return UsageError;
    }
    if (targets.isEmpty()) {
        err() << tr("No account is signed in.") << Qt::endl;
        return Success;
    }
    int exitCode = Success;
    int pending = int(targets.size());
    QObject context;
    for (const Account &a : targets) {
        AccountOperation *op = s.accounts->signOut(a);
        QObject::connect(op, &AccountOperation::finished, &context, [&](const Account &done) {
            err() << tr("Signed out %1; its saved sign-in was deleted.").arg(done.label())
                  << Qt::endl;
            if (--pending == 0)
                QCoreApplication::exit(exitCode);
        });
        QObject::connect(op, &AccountOperation::failed, &context, [&](const AccountError &e) {
            err() << e.userMessage() << Qt::endl;
            exitCode = OperationFailed;
            if (--pending == 0)
                QCoreApplication::exit(exitCode);
        });
    }
    QCoreApplication::exec();
    return finishSession(s, exitCode);
}

// ---- account list -------------------------------------------------------------------------------

int runAccount(const QStringList &arguments)
{
    QCommandLineParser p;
    p.setApplicationDescription(tr(
        "dps-setup account list: the remembered accounts, their tenants (with a silent sign-in to "
        "each: \"needs sign-in\" for MFA or Conditional Access) and subscriptions."));
    p.addPositionalArgument(QStringLiteral("list"), tr("List the accounts."));
    p.addOption({QStringLiteral("json"), tr("Print them as JSON on standard output.")});
    p.addOption({QStringLiteral("no-tenants"), tr("Don't ask Azure for the tenants (no network).")});
    p.addOption(
        {QStringLiteral("verbose"), tr("Log every HTTP request (redacted) on standard error.")});
    p.addHelpOption();
    if (const int rc = parseArguments(p, arguments, {QStringLiteral("*")}); rc >= 0)
        return rc;
    if (p.positionalArguments() != QStringList{QStringLiteral("list")}) {
        err() << tr("Usage: dps-setup account list [--json] [--no-tenants]") << Qt::endl;
        return UsageError;
    }
    const bool json = p.isSet(QStringLiteral("json"));
    Session s;
    ensureAccounts(s);
    const QList<Account> accounts = s.accounts->accounts();
    const QString lastUsed = s.accountStore->lastUsedId();

    struct Result
    {
        QList<AccountTenant> tenants;
        std::optional<AccountError> error;
    };
    QHash<QString, Result> results;
    auto print = [&]() {
        QJsonArray array;
        for (const Account &listed : accounts) {
            const Account a = s.accounts->account(listed.id).value_or(
                listed); // needsSignIn may have changed
            const Result r = results.value(a.id);
            if (json) {
                QJsonObject o = accountJson(a, a.id == lastUsed);
                if (!p.isSet(QStringLiteral("no-tenants")))
                    o.insert(QStringLiteral("tenants"), tenantsJson(r.tenants));
                if (r.error)
                    o.insert(QStringLiteral("error"),
                             QJsonObject{{QStringLiteral("message"), r.error->userMessage()},
                                         {QStringLiteral("needsSignIn"),
                                          r.error->kind == AccountError::Kind::NeedsSignIn}});
                array.append(o);
                continue;
            }
            out() << (a.id == lastUsed ? QStringLiteral("* ") : QStringLiteral("  ")) << a.label()
                  << (a.needsSignIn
                          ? QStringLiteral("  [") + tr("needs sign-in") + QStringLiteral("]")
                          : QString())
                  << Qt::endl;
            out() << QStringLiteral("    ")
                  << tr("%1, cloud %2 (%3), home tenant %4, id %5")
                         .arg(Identity::methodLabel(a.method),
                              a.cloudName,
                              a.toCloud().armEndpoint.toString(),
                              a.homeTenantId,
                              a.id)
                  << Qt::endl;
            for (const QString &ca : caDescriptions(a.toCloud()))
                out() << QStringLiteral("    ") << tr("trusts the CA %1 for this cloud's endpoints").arg(ca) << Qt::endl;
            if (r.error)
                out() << QStringLiteral("    ") << r.error->userMessage() << Qt::endl;
            printTenants(r.tenants, QStringLiteral("    "));
        }
        if (json)
            out() << QJsonDocument(QJsonObject{{QStringLiteral("accounts"), array}})
                         .toJson(QJsonDocument::Indented);
        else if (accounts.isEmpty())
            err() << tr("No accounts. Sign in with \"dps-setup login\".") << Qt::endl;
        out().flush();
    };
    if (accounts.isEmpty() || p.isSet(QStringLiteral("no-tenants"))) {
        print();
        return Success;
    }
    int pending = int(accounts.size());
    QObject context;
    for (const Account &a : accounts) {
        s.accounts->setPipelineOptions(pipelineOptions(Arm::Cloud()));
        AccountOperation *op = s.accounts->tenants(a);
        const QString id = a.id;
        auto done = [&]() {
            if (--pending == 0)
                QCoreApplication::exit(0);
        };
        QObject::connect(op, &AccountOperation::finished, &context, [&, op, id, done] {
            results[id].tenants = op->tenants();
            done();
        });
        QObject::connect(op,
                         &AccountOperation::failed,
                         &context,
                         [&, id, done](const AccountError &e) {
                             results[id].error = e;
                             done();
                         });
    }
    QCoreApplication::exec();
    print();
    return finishSession(s, Success);
}

} // namespace Dps::Cli::Detail
