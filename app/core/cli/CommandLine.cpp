#include "CommandLine.h"

#include "CliSupport.h"
#include "identity/ClientSecretCredential.h"
#include "setup/SetupEngine.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLoggingCategory>
#include <QNetworkAccessManager>
#include <QPointer>
#include <QSocketNotifier>
#include <QStandardPaths>
#include <QSysInfo>
#include <QTextStream>
#include <QTimer>

#include <csignal>
#include <sys/socket.h>
#include <unistd.h>

namespace Dps::Cli {

namespace Detail {

namespace {

int g_signalFd[2] = {-1, -1};

void onSignal(int)
{
    const char c = 1;
    [[maybe_unused]] const auto n = ::write(g_signalFd[0], &c, 1);
}

QString identityLine(const Session &s)
{
    switch (s.identity) {
    case IdentitySource::Account:
        return tr("Using the remembered account %1: %2, tenant %3.")
            .arg(s.account->label(), Identity::methodLabel(s.account->method), s.tenantId);
    case IdentitySource::EnvironmentServicePrincipal:
        return tr("Using the service principal %1 of AZURE_CLIENT_ID, tenant %2.")
            .arg(qEnvironmentVariable("AZURE_CLIENT_ID"), s.tenantId);
    case IdentitySource::SandboxServicePrincipal:
        return tr("Using the sandbox's service principal %1 (from its info file).")
            .arg(s.sandboxInfo.value(QStringLiteral("servicePrincipal")).toObject().value(QStringLiteral("clientId")).toString());
    case IdentitySource::None:
        break;
    }
    return {};
}

} // namespace

// lupdate files a free tr() call by the namespace it is in: here Dps::Cli::Detail.
QString tr(const char *text)
{
    return QCoreApplication::translate("Dps::Cli::Detail", text);
}

namespace {

// Standard output and error as the command line writes them: control characters other than newline
// and tab are written as \xNN, DEL and the C1 controls (U+0080..U+009F, which some terminals take as
// escape sequences) as \u00NN, so text from a server (an ARM error message, the device-code message,
// a tenant's name) cannot move the cursor, retitle the terminal or hide what came before. JSON stays
// valid: QJsonDocument escapes the controls below 0x20 itself, and \u00NN is JSON's own escape.
class TerminalSafeOutput : public QIODevice
{
public:
    explicit TerminalSafeOutput(FILE *file)
        : m_file(file)
    {
        open(QIODevice::WriteOnly | QIODevice::Unbuffered);
    }

protected:
    qint64 readData(char *, qint64) override { return -1; }
    qint64 writeData(const char *data, qint64 size) override
    {
        QByteArray in = m_held + QByteArray::fromRawData(data, size);
        m_held.clear();
        // A C1 control is two bytes in UTF-8 (0xC2 0x80..0x9F): a 0xC2 that ends this write waits for
        // the next one, so a control split between two writes is still caught.
        if (!in.isEmpty() && static_cast<unsigned char>(in.back()) == 0xC2) {
            m_held = in.right(1);
            in.chop(1);
        }
        QByteArray safe;
        safe.reserve(in.size());
        for (qsizetype i = 0; i < in.size(); ++i) {
            const auto c = static_cast<unsigned char>(in[i]);
            const bool c1 = c == 0xC2 && i + 1 < in.size() && static_cast<unsigned char>(in[i + 1]) >= 0x80
                            && static_cast<unsigned char>(in[i + 1]) <= 0x9F;
            if (c < 0x20 && c != '\n' && c != '\t') {
                safe += QByteArrayLiteral("\\x") + QByteArray::number(c, 16).rightJustified(2, '0');
            } else if (c == 0x7F) {
                safe += QByteArrayLiteral("\\u007f");
            } else if (c1) {
                safe += QByteArrayLiteral("\\u00") + QByteArray::number(static_cast<unsigned char>(in[++i]), 16);
            } else {
                safe += char(c);
            }
        }
        std::fwrite(safe.constData(), 1, size_t(safe.size()), m_file);
        std::fflush(m_file);
        return size;
    }

private:
    FILE *m_file;
    QByteArray m_held;
};

} // namespace

QTextStream &err()
{
    static TerminalSafeOutput device(stderr);
    static QTextStream s(&device);
    return s;
}

QTextStream &out()
{
    static TerminalSafeOutput device(stdout);
    static QTextStream s(&device);
    return s;
}

void addCloudOptions(QCommandLineParser &p)
{
    p.addOption({QStringLiteral("cloud"), tr("public, china, usgov, custom or sandbox (default: public, or sandbox with --sandbox-info; with a remembered account, its cloud)."), tr("cloud")});
    p.addOption({QStringLiteral("sandbox-info"), tr("Info file of a running arm-sandbox (with --cloud sandbox). Without it an embedded sandbox is started."), tr("file")});
    p.addOption({QStringLiteral("arm-endpoint"), tr("ARM endpoint of a custom cloud (https)."), tr("url")});
    p.addOption({QStringLiteral("authority"), tr("Entra ID authority host of a custom cloud (https)."), tr("url")});
    p.addOption({QStringLiteral("ca-cert"), tr("Extra CA certificate (PEM) to trust, e.g. a sandbox's own certificate."), tr("file")});
    p.addOption({QStringLiteral("verbose"), tr("Log every HTTP request (redacted) on standard error.")});
    p.addHelpOption();
}

void addCommonOptions(QCommandLineParser &p, bool withAccount)
{
    addCloudOptions(p);
    p.addOption({QStringLiteral("tenant"), tr("Tenant of the subscription (default: the service principal's; with an account, the subscription's own tenant)."), tr("id")});
    p.addOption({QStringLiteral("json"), tr("Print the result as JSON on standard output.")});
    if (withAccount)
        p.addOption({QStringLiteral("account"), tr("Use this remembered account (its ID or user name; see dps-setup account list)."), tr("account")});
}

Http::PipelineOptions pipelineOptions(const Arm::Cloud &cloud)
{
    Http::PipelineOptions options;
    options.userAgent = QStringLiteral("dps-setup/%1 (%2; Qt %3)").arg(QStringLiteral(DPS_VERSION), QSysInfo::prettyProductName(), QString::fromLatin1(qVersion())).toUtf8();
    options.defaultScope = cloud.armScope;
    options.extraCa = cloud.extraCaCertificates;
    options.extraCaOrigins = cloud.endpoints();
    return options;
}

void ensureAccounts(Session &s)
{
    if (s.accounts)
        return;
    s.accountStore = std::make_shared<Identity::AccountStore>();
    s.keychain = std::make_unique<Secrets::KeychainSecretStore>();
    s.accounts = std::make_unique<Identity::AccountManager>(s.accountStore, s.keychain.get());
    s.accounts->setPipelineOptions(pipelineOptions(Arm::Cloud()));
}

int parseArguments(QCommandLineParser &p, const QStringList &arguments, const QStringList &positional)
{
    if (!p.parse(arguments)) {
        err() << p.errorText() << Qt::endl << tr("See --help for the options.") << Qt::endl;
        return UsageError;
    }
    if (p.isSet(QStringLiteral("help"))) {
        out() << p.helpText();
        return Success;
    }
    // Nothing is taken that is not asked for: "--resource-group my group" (unquoted) is an error, not
    // the group "my".
    const QStringList given = p.positionalArguments();
    for (int i = 0; i < given.size(); ++i) {
        if (i >= positional.size() || (positional[i] != QLatin1String("*") && positional[i] != given[i])) {
            err() << tr("Unexpected argument '%1'. Quote values that contain spaces; see --help.").arg(given[i]) << Qt::endl;
            return UsageError;
        }
    }
    return -1;
}

int resolveCloud(const QCommandLineParser &p, Session &s)
{
    QString cloudName = p.value(QStringLiteral("cloud"));
    if (cloudName.isEmpty())
        cloudName = p.isSet(QStringLiteral("sandbox-info")) ? QStringLiteral("sandbox") : QStringLiteral("public");
    cloudName = cloudName.toLower();
    if (cloudName == QLatin1String("sandbox")) {
        if (p.isSet(QStringLiteral("sandbox-info"))) {
            QFile f(p.value(QStringLiteral("sandbox-info")));
            if (!f.open(QIODevice::ReadOnly)) {
                err() << tr("Cannot read the sandbox info file %1: %2").arg(f.fileName(), f.errorString()) << Qt::endl;
                return UsageError;
            }
            s.sandboxInfo = QJsonDocument::fromJson(f.readAll()).object();
            if (s.sandboxInfo.value(QStringLiteral("armEndpoint")).toString().isEmpty()) {
                err() << tr("%1 is not an arm-sandbox info file.").arg(f.fileName()) << Qt::endl;
                return UsageError;
            }
        } else {
            Sandbox::SandboxOptions options;
            options.world = QStringLiteral("demo");
            s.embedded = std::make_unique<Sandbox::Sandbox>(options);
            QString error;
            if (!s.embedded->start(&error)) {
                err() << tr("Cannot start the embedded sandbox: %1").arg(error) << Qt::endl;
                return OperationFailed;
            }
            s.sandboxInfo = s.embedded->info();
            err() << tr("Using an embedded sandbox at %1 (demo world).").arg(s.sandboxInfo.value(QStringLiteral("armEndpoint")).toString()) << Qt::endl;
        }
        s.cloud = Arm::Cloud::sandbox(s.sandboxInfo);
    } else if (cloudName == QLatin1String("custom")) {
        s.cloud = Arm::Cloud::custom(QUrl(p.value(QStringLiteral("arm-endpoint"))), QUrl(p.value(QStringLiteral("authority"))));
    } else if (!Arm::Cloud::fromName(cloudName, &s.cloud)) {
        err() << tr("Unknown cloud '%1': use public, china, usgov, custom or sandbox.").arg(cloudName) << Qt::endl;
        return UsageError;
    }
    const QString caFile = s.sandboxInfo.value(QStringLiteral("caCertificateFile")).toString();
    if (!caFile.isEmpty() && s.cloud.extraCaCertificates.isEmpty())
        s.cloud.extraCaCertificates += QSslCertificate::fromPath(caFile, QSsl::Pem);
    return finishCloud(p, s);
}

int finishCloud(const QCommandLineParser &p, Session &s)
{
    if (p.isSet(QStringLiteral("ca-cert"))) {
        const auto certs = QSslCertificate::fromPath(p.value(QStringLiteral("ca-cert")), QSsl::Pem);
        if (certs.isEmpty()) {
            err() << tr("%1 holds no PEM certificate.").arg(p.value(QStringLiteral("ca-cert"))) << Qt::endl;
            return UsageError;
        }
        s.cloud.extraCaCertificates += certs;
    }
    const QString problem = s.cloud.validate();
    if (!problem.isEmpty()) {
        err() << problem << Qt::endl;
        return UsageError;
    }
    return -1;
}

// Which identity a command uses, top down:
//   1. --account ID|USERNAME: that remembered account (and, without --cloud, its cloud);
//   2. AZURE_TENANT_ID + AZURE_CLIENT_ID + AZURE_CLIENT_SECRET: that service principal (as the Azure CLI
//      and SDKs read them);
//   3. the last used remembered account (without --cloud: in its cloud; with --cloud: if it is of that
//      cloud, else any remembered account of that cloud);
//   4. with --cloud sandbox: the sandbox's own service principal (its info file).
// It says on stderr which one it took.
int openSession(const QCommandLineParser &p, Session &s)
{
    const QString envTenant = qEnvironmentVariable("AZURE_TENANT_ID");
    const QString envClient = qEnvironmentVariable("AZURE_CLIENT_ID");
    QString envSecret = qEnvironmentVariable("AZURE_CLIENT_SECRET");
    // A sandbox (named by a file) gets only its own service principal: the AZURE_* variables hold a
    // real secret for a real authority, never to be sent to whatever endpoint an info file names.
    const QString cloudArg = p.value(QStringLiteral("cloud")).toLower();
    const bool sandboxCloud = cloudArg == QLatin1String("sandbox") || (cloudArg.isEmpty() && p.isSet(QStringLiteral("sandbox-info")));
    const bool envSp = !sandboxCloud && !envTenant.isEmpty() && !envClient.isEmpty() && !envSecret.isEmpty();
    if (sandboxCloud && !envSecret.isEmpty())
        err() << tr("AZURE_CLIENT_SECRET is ignored for the local sandbox: it is only sent to the cloud it belongs to.") << Qt::endl;
    const bool cloudGiven = p.isSet(QStringLiteral("cloud")) || p.isSet(QStringLiteral("sandbox-info"));
    const QString accountArg = p.isSet(QStringLiteral("account")) ? p.value(QStringLiteral("account")) : QString();

    std::optional<Identity::Account> account;
    if (!accountArg.isEmpty()) {
        ensureAccounts(s);
        account = s.accountStore->find(accountArg);
        if (!account) {
            err() << tr("No remembered account matches '%1'. Sign in with \"dps-setup login\"; \"dps-setup account list\" shows the accounts.").arg(accountArg) << Qt::endl;
            return AuthenticationFailed;
        }
    } else if (!envSp) {
        ensureAccounts(s);
        if (!cloudGiven)
            account = s.accountStore->lastUsed();
    }

    if (account && !cloudGiven) {
        s.cloud = account->toCloud();
        if (const int rc = finishCloud(p, s); rc >= 0)
            return rc;
    } else if (const int rc = resolveCloud(p, s); rc >= 0) {
        return rc;
    }
    if (account && !Identity::sameCloud(account->toCloud(), s.cloud)) {
        err() << tr("The account %1 belongs to another cloud (%2 at %3). Leave out --cloud to use its cloud, or sign in to this one with \"dps-setup login\".")
                     .arg(account->label(), account->cloudName, account->toCloud().armEndpoint.toString())
              << Qt::endl;
        return UsageError;
    }
    if (!account && !envSp && s.accountStore) {
        const auto last = s.accountStore->lastUsed();
        if (last && Identity::sameCloud(last->toCloud(), s.cloud)) {
            account = last;
        } else {
            for (const auto &a : s.accountStore->accounts()) {
                if (Identity::sameCloud(a.toCloud(), s.cloud)) {
                    account = a;
                    break;
                }
            }
        }
    }

    s.nam = std::make_unique<QNetworkAccessManager>();
    const Http::PipelineOptions options = pipelineOptions(s.cloud);
    if (account) {
        s.identity = IdentitySource::Account;
        s.account = account;
        s.accounts->setPipelineOptions(options);
        s.credential = s.accounts->credential(*account);
        s.tenantId = p.value(QStringLiteral("tenant")).isEmpty() ? account->homeTenantId : p.value(QStringLiteral("tenant"));
        if (!accountArg.isEmpty())
            s.accountStore->setLastUsed(account->id);
    } else {
        QString tenant = envTenant;
        QString clientId = envClient;
        if (envSp) {
            s.identity = IdentitySource::EnvironmentServicePrincipal;
        } else if (!s.sandboxInfo.isEmpty()) {
            const QJsonObject sp = s.sandboxInfo.value(QStringLiteral("servicePrincipal")).toObject();
            tenant = sp.value(QStringLiteral("tenantId")).toString();
            clientId = sp.value(QStringLiteral("clientId")).toString();
            envSecret = sp.value(QStringLiteral("clientSecret")).toString();
            if (!tenant.isEmpty() && !clientId.isEmpty() && !envSecret.isEmpty())
                s.identity = IdentitySource::SandboxServicePrincipal;
        }
        if (s.identity == IdentitySource::None) {
            err() << tr("Not signed in: run \"dps-setup login\" (browser, device code, service principal or Azure CLI), or set AZURE_TENANT_ID, AZURE_CLIENT_ID and AZURE_CLIENT_SECRET to a service principal (as for the Azure CLI and SDKs), or use --cloud sandbox.") << Qt::endl;
            return AuthenticationFailed;
        }
        s.tenantId = p.value(QStringLiteral("tenant")).isEmpty() ? tenant : p.value(QStringLiteral("tenant"));
        auto endpoint = std::make_shared<Identity::TokenEndpoint>(Http::makeAnonymousPipeline(s.nam.get(), options), s.cloud.authorityHost);
        s.credential = std::make_shared<Identity::ClientSecretCredential>(endpoint, tenant, clientId, envSecret);
        envSecret.fill(QLatin1Char('x'));
    }
    err() << identityLine(s) << Qt::endl;
    auto pipeline = Http::makeArmPipeline(s.nam.get(), s.credential, options);
    s.client = std::make_unique<Arm::ArmClient>(pipeline, s.cloud, Http::SystemClock::instance());
    s.service = std::make_unique<Services::AzureService>(s.client.get());
    return -1;
}

// A token endpoint that is down, unreachable or answering nonsense: worth trying again later, not
// signing in again.
bool isTransientSignInFailure(const QString &code, int httpStatus)
{
    static const QStringList transient{QStringLiteral("temporarily_unavailable"), QStringLiteral("server_error"),
                                       QStringLiteral("network"), QStringLiteral("invalid_response")};
    return transient.contains(code) || httpStatus >= 500 || httpStatus == 429;
}

int exitCodeFor(const Arm::ArmError &e)
{
    if (e.isCancelled())
        return Cancelled;
    if (e.kind == Arm::ArmError::Kind::Validation)
        return UsageError;
    if (e.kind == Arm::ArmError::Kind::Authentication)
        return isTransientSignInFailure(e.code, e.httpStatus) ? OperationFailed : AuthenticationFailed;
    if (e.httpStatus == 401 || e.code == QLatin1String("invalid_client") || e.code == QLatin1String("AuthenticationFailed"))
        return AuthenticationFailed;
    return OperationFailed;
}

int exitCodeFor(const Identity::AccountError &e)
{
    switch (e.kind) {
    case Identity::AccountError::Kind::Cancelled:
        return Cancelled;
    case Identity::AccountError::Kind::SignIn:
        return isTransientSignInFailure(e.auth.error, e.auth.httpStatus) ? OperationFailed : AuthenticationFailed;
    case Identity::AccountError::Kind::NeedsSignIn:
    case Identity::AccountError::Kind::Keychain:
        return AuthenticationFailed;
    case Identity::AccountError::Kind::Other:
        break;
    }
    return OperationFailed;
}

int signalReadFd()
{
    static bool installed = false;
    if (!installed && ::socketpair(AF_UNIX, SOCK_STREAM, 0, g_signalFd) == 0) {
        installed = true;
        struct sigaction sa = {};
        sa.sa_handler = onSignal;
        sigemptyset(&sa.sa_mask);
        sa.sa_flags = SA_RESTART;
        sigaction(SIGINT, &sa, nullptr);
        sigaction(SIGTERM, &sa, nullptr);
    }
    return g_signalFd[1];
}

int finishSession(Session &s, int code)
{
    if (!s.accounts || s.accounts->pendingSecretWrites() == 0)
        return code;
    QObject context;
    QObject::connect(s.accounts.get(), &Identity::AccountManager::secretWritesFinished, &context, [] { QCoreApplication::exit(0); });
    QTimer::singleShot(5000, &context, [] { QCoreApplication::exit(0); });
    QCoreApplication::exec();
    return code;
}

} // namespace Detail

namespace {

using namespace Detail;

// The verbs' own messages (this namespace: lupdate's context "Dps::Cli").
QString tr(const char *text)
{
    return QCoreApplication::translate("Dps::Cli", text);
}

QJsonObject errorJson(const Arm::ArmError &e)
{
    return QJsonObject{{QStringLiteral("code"), e.code},
                       {QStringLiteral("httpStatus"), e.httpStatus},
                       {QStringLiteral("message"), e.message},
                       {QStringLiteral("userMessage"), e.userMessage()},
                       {QStringLiteral("requestId"), e.requestId},
                       {QStringLiteral("correlationId"), e.correlationId}};
}

void printError(const Arm::ArmError &e, bool json, QJsonObject extra = {})
{
    err() << tr("Error: %1").arg(e.userMessage()) << Qt::endl;
    if (!e.correlationId.isEmpty() || !e.code.isEmpty())
        err() << e.technicalDetails() << Qt::endl;
    if (json) {
        extra.insert(QStringLiteral("status"), e.isCancelled() ? QStringLiteral("cancelled") : QStringLiteral("failed"));
        extra.insert(QStringLiteral("error"), errorJson(e));
        out() << QJsonDocument(extra).toJson(QJsonDocument::Indented);
        out().flush();
    }
}

// With a remembered account and no --tenant: the tenant of `subscriptionId` (a user's subscriptions
// can live in any of their tenants). Asks for the subscription with the home tenant's token; ARM names
// the right tenant when it is another one (InvalidAuthenticationTokenTenant). `done` gets the tenant
// (or the session's when there's nothing to find out), `failed` an ARM error.
void resolveTenant(Session &s, bool tenantGiven, const QString &subscriptionId, QObject *context,
                   std::function<void(const QString &tenant)> done, std::function<void(const Arm::ArmError &)> failed)
{
    if (s.identity != IdentitySource::Account || tenantGiven || subscriptionId.isEmpty()) {
        const QString tenant = s.tenantId;
        QTimer::singleShot(0, context, [done, tenant] { done(tenant); });
        return;
    }
    const QString home = s.tenantId;
    Services::onResult<Arm::Subscription>(s.service->getSubscription(subscriptionId, home), context,
        [done, home](const Arm::Subscription &sub) { done(sub.tenantId.isEmpty() ? home : sub.tenantId); },
        [done, failed, subscriptionId](const Arm::ArmError &e) {
            const QString expected = e.expectedTenantId();
            if (!expected.isEmpty()) {
                err() << tr("Subscription %1 belongs to tenant %2: using that tenant's token.").arg(subscriptionId, expected) << Qt::endl;
                done(expected);
                return;
            }
            failed(e);
        });
}

QJsonArray stepsJson(const QList<Setup::StepStatus> &steps)
{
    QJsonArray a;
    for (const auto &s : steps) {
        // Stable identifiers for scripts, plus the translated words for people.
        QJsonObject o{{QStringLiteral("step"), Setup::stepKey(s.id)},
                      {QStringLiteral("state"), Setup::stateKey(s.state)},
                      {QStringLiteral("label"), Setup::stepName(s.id)},
                      {QStringLiteral("stateLabel"), Setup::stateName(s.state)},
                      {QStringLiteral("elapsedMs"), double(s.elapsedMs)},
                      {QStringLiteral("azureStatus"), s.azureStatus}};
        if (s.state == Setup::StepState::Failed)
            o.insert(QStringLiteral("error"), errorJson(s.error));
        a.append(o);
    }
    return a;
}

QJsonArray checksJson(const QList<Setup::CheckResult> &checks)
{
    QJsonArray a;
    for (const auto &c : checks) {
        a.append(QJsonObject{{QStringLiteral("id"), c.id}, {QStringLiteral("passed"), c.passed},
                             {QStringLiteral("message"), c.message}, {QStringLiteral("fix"), c.fix}});
    }
    return a;
}

// The plan in words: what is created, what changes in existing resources (before -> after), what
// stays as it is; then the ARM calls in order.
void printPlan(const Setup::Plan &plan)
{
    const Setup::Plan::Summary summary = plan.summary();
    const QStringList &created = summary.created, &changed = summary.changed, &unchanged = summary.unchanged;
    if (plan.nothingToDo()) {
        out() << tr("Nothing to do: everything is already as asked. The setup would change nothing.") << Qt::endl;
    } else {
        if (!created.isEmpty()) {
            out() << tr("New:") << Qt::endl;
            for (const auto &line : std::as_const(created))
                out() << QStringLiteral("  • ") << line << Qt::endl;
        }
        if (!changed.isEmpty()) {
            out() << tr("Changes to existing resources:") << Qt::endl;
            for (const auto &line : std::as_const(changed))
                out() << QStringLiteral("  • ") << line << Qt::endl;
        }
    }
    if (!unchanged.isEmpty()) {
        out() << tr("Unchanged:") << Qt::endl;
        for (const auto &line : std::as_const(unchanged))
            out() << QStringLiteral("  • ") << line << Qt::endl;
    }
    const auto calls = plan.calls();
    if (!calls.isEmpty()) {
        out() << tr("The ARM calls, in order (steps that don't wait for each other run in parallel; writes marked *):") << Qt::endl;
        for (const auto &c : calls)
            out() << QStringLiteral("  %1%2 %3?api-version=%4\n      %5")
                         .arg(c.write ? QStringLiteral("*") : QStringLiteral(" "), c.method, c.path, c.apiVersion, c.purpose)
                  << Qt::endl;
    }
}

// ---- setup -----------------------------------------------------------------------------------

int runSetup(const QStringList &arguments)
{
    QCommandLineParser p;
    p.setApplicationDescription(tr("Creates (or completes) a DPS linked to an IoT hub: resource group, DPS and hub in parallel, link, allocation policy. Re-running finishes an interrupted setup and changes nothing that is already done."));
    addCommonOptions(p);
    p.addOption({QStringLiteral("subscription"), tr("Subscription of the DPS."), tr("id")});
    p.addOption({QStringLiteral("resource-group"), tr("Resource group of the DPS (created if missing)."), tr("name")});
    p.addOption({QStringLiteral("existing-resource-group"), tr("The resource group must exist already.")});
    p.addOption({QStringLiteral("location"), tr("Region of new resources, e.g. westeurope."), tr("region")});
    p.addOption({QStringLiteral("dps"), tr("Name of the DPS (created if missing)."), tr("name")});
    p.addOption({QStringLiteral("existing-dps"), tr("The DPS must exist already.")});
    p.addOption({QStringLiteral("dps-units"), tr("Units of a new DPS (1-10)."), tr("n"), QStringLiteral("1")});
    p.addOption({QStringLiteral("hub"), tr("Name of the IoT hub (created if missing)."), tr("name")});
    p.addOption({QStringLiteral("existing-hub"), tr("The IoT hub must exist already.")});
    p.addOption({QStringLiteral("hub-subscription"), tr("Subscription of the hub, if not the DPS's."), tr("id")});
    p.addOption({QStringLiteral("hub-tenant"), tr("Tenant of the hub's subscription, if not the DPS's."), tr("id")});
    p.addOption({QStringLiteral("hub-resource-group"), tr("Resource group of the hub, if not the DPS's."), tr("name")});
    p.addOption({QStringLiteral("hub-location"), tr("Region of a new hub, if not --location."), tr("region")});
    p.addOption({QStringLiteral("hub-sku"), tr("Tier of a new hub: F1, B1, B2, B3, S1, S2, S3."), tr("sku"), QStringLiteral("S1")});
    p.addOption({QStringLiteral("hub-units"), tr("Units of a new hub."), tr("n"), QStringLiteral("1")});
    p.addOption({QStringLiteral("partitions"), tr("Device-to-cloud partitions of a new hub (2-128; F1: 2)."), tr("n"), QStringLiteral("4")});
    p.addOption({QStringLiteral("access-policy"), tr("Hub policy the DPS uses (RegistryWrite + ServiceConnect)."), tr("name"), QStringLiteral("iothubowner")});
    p.addOption({QStringLiteral("create-access-policy"), tr("Create the --access-policy on the hub with only RegistryWrite and ServiceConnect if it is missing (least privilege).")});
    p.addOption({QStringLiteral("policy"), tr("Allocation policy: hashed (evenly weighted), geolatency (lowest latency) or static. Without it a new DPS gets hashed and an existing DPS keeps its own."), tr("policy")});
    p.addOption({QStringLiteral("weight"), tr("Allocation weight of the hub (1-1000)."), tr("n"), QStringLiteral("1")});
    p.addOption({QStringLiteral("no-apply-policy"), tr("Don't apply the allocation policy to this hub.")});
    p.addOption({QStringLiteral("plan"), tr("Only read what exists and print the plan: what is created, what changes (before -> after), the ARM calls. Changes nothing.")});
    p.addOption({QStringLiteral("register-provider"), tr("Register Microsoft.Devices where it is missing (the DPS's and the hub's subscription), as a step of the setup.")});
    if (const int rc = parseArguments(p, arguments); rc >= 0)
        return rc;
    const bool json = p.isSet(QStringLiteral("json"));
    QStringList missing;
    for (const char *required : {"subscription", "resource-group", "dps", "hub"}) {
        if (!p.isSet(QLatin1String(required)))
            missing << QStringLiteral("--") + QLatin1String(required);
    }
    if (!p.isSet(QStringLiteral("location")) && !(p.isSet(QStringLiteral("existing-resource-group")) && p.isSet(QStringLiteral("existing-dps"))))
        missing << QStringLiteral("--location");
    if (!missing.isEmpty()) {
        err() << tr("Missing: %1. See dps-setup setup --help.").arg(missing.join(QStringLiteral(", "))) << Qt::endl;
        return UsageError;
    }
    auto number = [&p](const char *name, bool *ok) { return p.value(QLatin1String(name)).toLongLong(ok); };
    bool ok1 = false, ok2 = false, ok3 = false, ok4 = false;
    Setup::PlanInput in;
    in.subscriptionId = p.value(QStringLiteral("subscription"));
    in.resourceGroup = p.value(QStringLiteral("resource-group"));
    in.createResourceGroup = !p.isSet(QStringLiteral("existing-resource-group"));
    in.location = p.value(QStringLiteral("location")).toLower().remove(QLatin1Char(' '));
    in.dpsName = p.value(QStringLiteral("dps"));
    in.createDps = !p.isSet(QStringLiteral("existing-dps"));
    in.dpsUnits = number("dps-units", &ok1);
    in.hubName = p.value(QStringLiteral("hub"));
    in.createHub = !p.isSet(QStringLiteral("existing-hub"));
    in.hubSubscriptionId = p.value(QStringLiteral("hub-subscription"));
    in.hubTenantId = p.value(QStringLiteral("hub-tenant"));
    in.hubResourceGroup = p.value(QStringLiteral("hub-resource-group"));
    in.createHubResourceGroup = in.createResourceGroup || !in.hubResourceGroup.isEmpty();
    in.hubLocation = p.value(QStringLiteral("hub-location")).toLower().remove(QLatin1Char(' '));
    in.hubSku = p.value(QStringLiteral("hub-sku")).toUpper();
    in.hubUnits = number("hub-units", &ok2);
    in.hubPartitions = int(number("partitions", &ok3));
    in.link.accessPolicy = p.value(QStringLiteral("access-policy"));
    in.link.createPolicy = p.isSet(QStringLiteral("create-access-policy"));
    in.link.allocationWeight = int(number("weight", &ok4));
    in.link.applyAllocationPolicy = !p.isSet(QStringLiteral("no-apply-policy"));
    in.registerProviders = p.isSet(QStringLiteral("register-provider"));
    const QString policy = p.value(QStringLiteral("policy")).toLower();
    in.allocationPolicy = policy == QLatin1String("hashed") ? QStringLiteral("Hashed")
                          : policy == QLatin1String("geolatency") ? QStringLiteral("GeoLatency")
                          : policy == QLatin1String("static") ? QStringLiteral("Static") : policy;
    if (!ok1 || !ok2 || !ok3 || !ok4) {
        err() << tr("--dps-units, --hub-units, --partitions and --weight take whole numbers.") << Qt::endl;
        return UsageError;
    }

    Session s;
    if (const int rc = openSession(p, s); rc >= 0)
        return rc;
    if (in.tenantId.isEmpty())
        in.tenantId = s.tenantId;

    const QString dataDir = qEnvironmentVariableIsSet("DPS_SETUP_DATA_DIR")
                                ? qEnvironmentVariable("DPS_SETUP_DATA_DIR")
                                : QStandardPaths::writableLocation(QStandardPaths::AppLocalDataLocation);
    auto journal = std::make_shared<Setup::RunJournal>(QDir(dataDir).filePath(QStringLiteral("runs")));
    Setup::SetupEngine engine(s.service.get(), journal);
    engine.setInput(in);

    const bool planOnly = p.isSet(QStringLiteral("plan"));

    int exitCode = Success;
    QJsonObject document;
    const qint64 started = QDateTime::currentMSecsSinceEpoch();
    QObject::connect(&engine, &Setup::SetupEngine::checksFinished, &engine, [&](const QList<Setup::CheckResult> &checks) {
        document.insert(QStringLiteral("checks"), checksJson(checks));
        for (const auto &c : checks) {
            if (!c.passed)
                err() << tr("Check failed: %1").arg(c.message) << (c.fix.isEmpty() ? QString() : QStringLiteral("\n  ") + tr("Fix: %1").arg(c.fix)) << Qt::endl;
        }
        bool fixable = false;
        bool failedAny = false;
        for (const auto &c : checks) {
            failedAny = failedAny || !c.passed;
            fixable = fixable || (!c.passed && c.fixable);
        }
        if (engine.hasPlan()) {
            document.insert(QStringLiteral("plan"), engine.plan().toJson());
            if (!planOnly) {
                // What the run is about to do to what exists, said before it does it.
                for (const QString &change : engine.plan().summary().changed)
                    err() << tr("Change: %1").arg(change) << Qt::endl;
                if (engine.plan().nothingToDo())
                    err() << tr("Nothing to do: everything is already as asked.") << Qt::endl;
            }
        }
        if (planOnly) {
            exitCode = failedAny ? UsageError : Success;
            if (json) {
                QJsonArray calls;
                if (engine.hasPlan()) {
                    for (const auto &c : engine.plan().calls())
                        calls.append(QJsonObject{{QStringLiteral("step"), Setup::stepKey(c.step)}, {QStringLiteral("method"), c.method},
                                                 {QStringLiteral("path"), c.path}, {QStringLiteral("apiVersion"), c.apiVersion},
                                                 {QStringLiteral("purpose"), c.purpose}, {QStringLiteral("write"), c.write}});
                }
                document.insert(QStringLiteral("status"), failedAny ? QStringLiteral("checks-failed") : QStringLiteral("planned"));
                document.insert(QStringLiteral("calls"), calls);
                out() << QJsonDocument(document).toJson(QJsonDocument::Indented);
            } else if (engine.hasPlan()) {
                printPlan(engine.plan());
            }
            QCoreApplication::exit(exitCode);
        }
        Q_UNUSED(fixable);
    });
    QObject::connect(&engine, &Setup::SetupEngine::stepChanged, &engine, [&](const Setup::StepStatus &st) {
        if (engine.hasPlan()) {
            const Setup::PlanStep *step = engine.plan().step(st.id);
            if (step && step->quiet)
                return; // nothing to do and nothing worth a line (same subscription, registered already)
        }
        const double t = (QDateTime::currentMSecsSinceEpoch() - started) / 1000.0;
        QString line = QStringLiteral("[%1 s] %2: %3").arg(t, 6, 'f', 1).arg(Setup::stepName(st.id), Setup::stateName(st.state));
        if (!st.azureStatus.isEmpty() && st.state == Setup::StepState::Running)
            line += QStringLiteral(" (%1)").arg(st.azureStatus);
        err() << line << Qt::endl;
    });
    QObject::connect(&engine, &Setup::SetupEngine::finished, &engine, [&](const Setup::SetupResult &r) {
        exitCode = Success;
        if (json) {
            document.insert(QStringLiteral("status"), QStringLiteral("succeeded"));
            document.insert(QStringLiteral("result"), r.toJson());
            document.insert(QStringLiteral("steps"), stepsJson(engine.steps()));
            document.insert(QStringLiteral("armRequests"), s.client->requestCount());
            document.insert(QStringLiteral("elapsedMs"), double(QDateTime::currentMSecsSinceEpoch() - started));
            out() << QJsonDocument(document).toJson(QJsonDocument::Indented);
        } else {
            out() << tr("Done. The DPS '%1' is linked to the IoT hub '%2'.").arg(r.dps.name, r.hub.name) << Qt::endl
                  << tr("ID scope:                %1").arg(r.idScope) << Qt::endl
                  << tr("Service endpoint:        %1").arg(r.serviceEndpoint) << Qt::endl
                  << tr("Global device endpoint:  %1").arg(r.globalDeviceEndpoint) << Qt::endl
                  << tr("IoT hub host name:       %1").arg(r.hubHostName) << Qt::endl
                  << tr("Allocation policy:       %1").arg(r.dps.allocationPolicy) << Qt::endl;
        }
        out().flush();
        QCoreApplication::exit(exitCode);
    });
    QObject::connect(&engine, &Setup::SetupEngine::failed, &engine, [&](const Arm::ArmError &e) {
        exitCode = exitCodeFor(e);
        document.insert(QStringLiteral("steps"), stepsJson(engine.steps()));
        printError(e, json, document);
        if (!e.isCancelled() && e.kind != Arm::ArmError::Kind::Validation) // checks fail before any change
            err() << tr("Nothing that succeeded is undone; run the same command again to finish the setup.") << Qt::endl;
        QCoreApplication::exit(exitCode);
    });

    QSocketNotifier notifier(signalReadFd(), QSocketNotifier::Read);
    QObject::connect(&notifier, &QSocketNotifier::activated, &engine, [&engine]() {
        char c;
        [[maybe_unused]] const auto n = ::read(signalReadFd(), &c, 1);
        err() << tr("Cancelling: no new steps start; operations already running in Azure finish there.") << Qt::endl;
        engine.cancel();
    });

    auto fail = [&](const Arm::ArmError &e) {
        exitCode = exitCodeFor(e);
        printError(e, json);
        QCoreApplication::exit(exitCode);
    };
    auto begin = [&]() {
        engine.setInput(in);
        if (planOnly) {
            engine.runChecks();
        } else {
            engine.start();
        }
    };
    // A remembered account's subscriptions may live in any of its tenants: find out whose token the DPS
    // (and a hub in another subscription) needs, unless --tenant / --hub-tenant say so. Always from the
    // event loop: bad input fails synchronously inside start(), and an exit() before exec() runs would
    // be lost (the process would hang).
    resolveTenant(s, p.isSet(QStringLiteral("tenant")), in.subscriptionId, &engine,
        [&](const QString &tenant) {
            in.tenantId = tenant;
            const bool hubElsewhere = !in.hubSubscriptionId.isEmpty()
                                      && in.hubSubscriptionId.compare(in.subscriptionId, Qt::CaseInsensitive) != 0;
            if (!hubElsewhere || p.isSet(QStringLiteral("hub-tenant"))) {
                begin();
                return;
            }
            resolveTenant(s, false, in.hubSubscriptionId, &engine,
                [&](const QString &hubTenant) {
                    in.hubTenantId = hubTenant;
                    begin();
                },
                fail);
        },
        fail);
    return finishSession(s, QCoreApplication::exec());
}

// ---- show / list -----------------------------------------------------------------------------

int runShow(const QStringList &arguments)
{
    QCommandLineParser p;
    p.setApplicationDescription(tr("Prints a DPS's ID scope, service endpoint and global device endpoint."));
    addCommonOptions(p);
    p.addOption({QStringLiteral("subscription"), tr("Subscription of the DPS."), tr("id")});
    p.addOption({QStringLiteral("resource-group"), tr("Resource group of the DPS."), tr("name")});
    p.addOption({QStringLiteral("dps"), tr("Name of the DPS."), tr("name")});
    if (const int rc = parseArguments(p, arguments); rc >= 0)
        return rc;
    if (!p.isSet(QStringLiteral("subscription")) || !p.isSet(QStringLiteral("resource-group")) || !p.isSet(QStringLiteral("dps"))) {
        err() << tr("show needs --subscription, --resource-group and --dps.") << Qt::endl;
        return UsageError;
    }
    const bool json = p.isSet(QStringLiteral("json"));
    Session s;
    if (const int rc = openSession(p, s); rc >= 0)
        return rc;
    int exitCode = Success;
    QObject dummy;
    auto fail = [&](const Arm::ArmError &e) {
        exitCode = exitCodeFor(e);
        printError(e, json);
        QCoreApplication::exit(exitCode);
    };
    resolveTenant(s, p.isSet(QStringLiteral("tenant")), p.value(QStringLiteral("subscription")), &dummy, [&](const QString &tenant) {
    Services::ServiceCall *call = s.service->getDps({p.value(QStringLiteral("subscription")), p.value(QStringLiteral("resource-group")),
                                                     p.value(QStringLiteral("dps")), tenant});
    Services::onResult<Arm::ProvisioningService>(call, &dummy,
        [&](const Arm::ProvisioningService &d) {
            QJsonArray hubs;
            for (const auto &h : d.linkedHubs)
                hubs.append(QJsonObject{{QStringLiteral("hostName"), h.hostName}, {QStringLiteral("location"), h.location},
                                        {QStringLiteral("allocationWeight"), h.allocationWeight},
                                        {QStringLiteral("applyAllocationPolicy"), h.applyAllocationPolicy}});
            if (json) {
                out() << QJsonDocument(QJsonObject{{QStringLiteral("name"), d.name},
                                                   {QStringLiteral("id"), d.id},
                                                   {QStringLiteral("state"), d.state},
                                                   {QStringLiteral("idScope"), d.idScope},
                                                   {QStringLiteral("serviceEndpoint"), d.serviceOperationsHostName},
                                                   {QStringLiteral("globalDeviceEndpoint"), d.deviceProvisioningHostName},
                                                   {QStringLiteral("allocationPolicy"), d.allocationPolicy},
                                                   {QStringLiteral("linkedHubs"), hubs}})
                             .toJson(QJsonDocument::Indented);
            } else {
                out() << tr("DPS:                     %1 (%2)").arg(d.name, d.state) << Qt::endl
                      << tr("ID scope:                %1").arg(d.idScope) << Qt::endl
                      << tr("Service endpoint:        %1").arg(d.serviceOperationsHostName) << Qt::endl
                      << tr("Global device endpoint:  %1").arg(d.deviceProvisioningHostName) << Qt::endl
                      << tr("Allocation policy:       %1").arg(d.allocationPolicy) << Qt::endl;
                for (const auto &h : d.linkedHubs)
                    out() << tr("Linked IoT hub:          %1 (%2, weight %3)").arg(h.hostName, h.location).arg(h.allocationWeight) << Qt::endl;
            }
            out().flush();
            QCoreApplication::exit(Success);
        },
        fail);
    }, fail);
    return finishSession(s, QCoreApplication::exec());
}

int runList(const QStringList &arguments)
{
    QCommandLineParser p;
    p.setApplicationDescription(tr("Lists the DPS and IoT hubs of a subscription (or of every subscription you can see)."));
    addCommonOptions(p);
    p.addOption({QStringLiteral("subscription"), tr("Only this subscription."), tr("id")});
    p.addOption({QStringLiteral("resource-group"), tr("Only this resource group (needs --subscription)."), tr("name")});
    if (const int rc = parseArguments(p, arguments); rc >= 0)
        return rc;
    if (p.isSet(QStringLiteral("resource-group")) && !p.isSet(QStringLiteral("subscription"))) {
        err() << tr("--resource-group needs --subscription.") << Qt::endl;
        return UsageError;
    }
    const bool json = p.isSet(QStringLiteral("json"));
    Session s;
    if (const int rc = openSession(p, s); rc >= 0)
        return rc;
    const QString rg = p.value(QStringLiteral("resource-group"));
    QJsonArray dpsList, hubList;
    int exitCode = Success;
    int pending = 0;
    QObject context;
    auto fail = [&](const Arm::ArmError &e) {
        exitCode = exitCodeFor(e);
        printError(e, json);
        QCoreApplication::exit(exitCode);
    };
    auto finishOne = [&]() {
        if (--pending > 0)
            return;
        if (json) {
            out() << QJsonDocument(QJsonObject{{QStringLiteral("provisioningServices"), dpsList}, {QStringLiteral("iotHubs"), hubList}})
                         .toJson(QJsonDocument::Indented);
        } else {
            out() << QStringLiteral("%1  %2  %3  %4  %5").arg(tr("TYPE"), -4).arg(tr("NAME"), -30).arg(tr("RESOURCE GROUP"), -24).arg(tr("LOCATION"), -14).arg(tr("DETAILS")) << Qt::endl;
            for (const auto &v : std::as_const(dpsList)) {
                const QJsonObject o = v.toObject();
                out() << QStringLiteral("%1  %2  %3  %4  %5").arg(QStringLiteral("DPS"), -4).arg(o.value(QStringLiteral("name")).toString(), -30)
                             .arg(o.value(QStringLiteral("resourceGroup")).toString(), -24).arg(o.value(QStringLiteral("location")).toString(), -14)
                             .arg(tr("ID scope %1").arg(o.value(QStringLiteral("idScope")).toString()))
                      << Qt::endl;
            }
            for (const auto &v : std::as_const(hubList)) {
                const QJsonObject o = v.toObject();
                out() << QStringLiteral("%1  %2  %3  %4  %5").arg(QStringLiteral("HUB"), -4).arg(o.value(QStringLiteral("name")).toString(), -30)
                             .arg(o.value(QStringLiteral("resourceGroup")).toString(), -24).arg(o.value(QStringLiteral("location")).toString(), -14)
                             .arg(o.value(QStringLiteral("sku")).toString())
                      << Qt::endl;
            }
        }
        out().flush();
        QCoreApplication::exit(exitCode);
    };
    // A subscription without Microsoft.Devices has nothing to list; any other failure is said and makes
    // the exit code tell its cause (the others are still listed).
    auto listFailed = [&](const QString &sub, const Arm::ArmError &e) {
        if (e.code == QLatin1String("MissingSubscriptionRegistration"))
            return;
        err() << tr("Subscription %1: %2").arg(sub, e.userMessage()) << Qt::endl;
        if (exitCode == Success)
            exitCode = exitCodeFor(e);
    };
    // By value: the callers' strings (a resolveTenant() callback's capture) are gone before the replies.
    auto listIn = [&](const QString sub, const QString tenant) {
        pending += 2;
        Services::onResult<QList<Arm::ProvisioningService>>(s.service->listDps(sub, rg, tenant), &context,
            [&, sub](const QList<Arm::ProvisioningService> &list) {
                for (const auto &d : list)
                    dpsList.append(QJsonObject{{QStringLiteral("name"), d.name}, {QStringLiteral("subscriptionId"), sub},
                                               {QStringLiteral("resourceGroup"), d.resourceGroup}, {QStringLiteral("location"), d.location},
                                               {QStringLiteral("idScope"), d.idScope}, {QStringLiteral("state"), d.state},
                                               {QStringLiteral("id"), d.id}});
                finishOne();
            },
            [&, sub](const Arm::ArmError &e) {
                listFailed(sub, e);
                finishOne();
            });
        Services::onResult<QList<Arm::IotHub>>(s.service->listHubs(sub, rg, tenant), &context,
            [&, sub](const QList<Arm::IotHub> &list) {
                for (const auto &h : list)
                    hubList.append(QJsonObject{{QStringLiteral("name"), h.name}, {QStringLiteral("subscriptionId"), sub},
                                               {QStringLiteral("resourceGroup"), h.resourceGroup}, {QStringLiteral("location"), h.location},
                                               {QStringLiteral("sku"), h.skuName}, {QStringLiteral("hostName"), h.hostName},
                                               {QStringLiteral("state"), h.state}, {QStringLiteral("id"), h.id}});
                finishOne();
            },
            [&, sub](const Arm::ArmError &e) {
                listFailed(sub, e);
                finishOne();
            });
    };
    if (p.isSet(QStringLiteral("subscription"))) {
        const QString sub = p.value(QStringLiteral("subscription"));
        resolveTenant(s, p.isSet(QStringLiteral("tenant")), sub, &context, [&, sub](const QString &tenant) { listIn(sub, tenant); }, fail);
    } else if (s.identity == IdentitySource::Account && !p.isSet(QStringLiteral("tenant"))) {
        // Every subscription of every tenant the account reaches silently; the others are named.
        Identity::AccountOperation *op = s.accounts->tenants(*s.account);
        QObject::connect(op, &Identity::AccountOperation::finished, &context, [&, op] {
            ++pending;
            for (const auto &t : op->tenants()) {
                if (t.state != Identity::AccountTenant::State::Ready) {
                    err() << tr("Tenant %1 (%2) is left out: %3").arg(t.displayName, t.tenantId, t.message) << Qt::endl;
                    continue;
                }
                for (const auto &sub : t.subscriptions)
                    listIn(sub.subscriptionId, t.tenantId);
            }
            finishOne();
        });
        QObject::connect(op, &Identity::AccountOperation::failed, &context, [&](const Identity::AccountError &e) {
            err() << tr("Error: %1").arg(e.userMessage()) << Qt::endl;
            exitCode = exitCodeFor(e);
            QCoreApplication::exit(exitCode);
        });
    } else {
        Services::onResult<QList<Arm::Subscription>>(s.service->listSubscriptions(s.tenantId), &context,
            [&](const QList<Arm::Subscription> &subs) {
                if (subs.isEmpty()) {
                    ++pending;
                    finishOne();
                }
                for (const auto &sub : subs)
                    listIn(sub.subscriptionId, s.tenantId);
            },
            fail);
    }
    return finishSession(s, QCoreApplication::exec());
}

} // namespace

namespace {

const QStringList &verbs()
{
    static const QStringList list{QStringLiteral("setup"), QStringLiteral("show"), QStringLiteral("list"),
                                  QStringLiteral("login"), QStringLiteral("logout"), QStringLiteral("account")};
    return list;
}

// The number of single-character edits between a and b (for "did you mean").
int editDistance(const QString &a, const QString &b)
{
    QList<int> row(b.size() + 1);
    for (int j = 0; j <= b.size(); ++j)
        row[j] = j;
    for (int i = 1; i <= a.size(); ++i) {
        int diagonal = row[0];
        row[0] = i;
        for (int j = 1; j <= b.size(); ++j) {
            const int above = row[j];
            row[j] = std::min({row[j] + 1, row[j - 1] + 1, diagonal + (a[i - 1] == b[j - 1] ? 0 : 1)});
            diagonal = above;
        }
    }
    return row[b.size()];
}

} // namespace

bool isCommandLineInvocation(const QStringList &arguments)
{
    // The desktop app takes options only: a first argument that is not an option is a command, known
    // or not (an unknown one gets the usage and exit 2, never a window).
    return arguments.size() >= 2 && !arguments.at(1).startsWith(QLatin1Char('-'));
}

QString commandSuggestion(const QString &word)
{
    QString best;
    int bestDistance = 3; // at most two edits ("setpu" -> "setup" is two)
    for (const QString &verb : verbs()) {
        const int d = editDistance(word.toLower(), verb);
        if (d < bestDistance) {
            best = verb;
            bestDistance = d;
        }
    }
    return best;
}

QString usage()
{
    return QCoreApplication::translate("Dps::Cli",
                                       "Usage: dps-setup [--sandbox] [--lang LANGUAGE]      start the desktop app\n"
                                       "       dps-setup setup|show|list [options]         set up, show or list DPS and IoT hubs\n"
                                       "       dps-setup login|logout|account [options]    sign in, sign out, remembered accounts\n"
                                       "Run \"dps-setup COMMAND --help\" for the options of a command.");
}

int run(const QStringList &arguments)
{
    // QCommandLineParser wants the program name first: "dps-setup setup --x" -> "dps-setup --x".
    QStringList rest = arguments;
    const QString verb = rest.takeAt(1);
    // Progress goes to stderr; the pipeline's per-request log would drown it unless --verbose asks for
    // it (the redacted HTTP log, the sign-in flow's steps). QT_LOGGING_RULES still wins.
    if (rest.contains(QStringLiteral("--verbose")))
        QLoggingCategory::setFilterRules(QStringLiteral("dps.http.debug=true\ndps.http.info=true\ndps.identity.info=true\ndps.*.warning=true"));
    else
        QLoggingCategory::setFilterRules(QStringLiteral("dps.*.debug=false\ndps.*.info=false"));
    if (verb == QLatin1String("setup"))
        return runSetup(rest);
    if (verb == QLatin1String("show"))
        return runShow(rest);
    if (verb == QLatin1String("list"))
        return runList(rest);
    if (verb == QLatin1String("login"))
        return Detail::runLogin(rest);
    if (verb == QLatin1String("logout"))
        return Detail::runLogout(rest);
    if (verb == QLatin1String("account"))
        return Detail::runAccount(rest);
    const QString suggestion = commandSuggestion(verb);
    Detail::err() << (suggestion.isEmpty()
                          ? QCoreApplication::translate("Dps::Cli", "Unknown command '%1'. Commands: setup, show, list, login, logout, account.")
                                .arg(verb)
                          : QCoreApplication::translate("Dps::Cli", "Unknown command '%1'. Did you mean '%2'?").arg(verb, suggestion))
                  << Qt::endl
                  << usage() << Qt::endl;
    return UsageError;
}

} // namespace Dps::Cli
