// The sign-in half of SetupController: which identity and cloud the wizard works with, remembered
// choices and the portal links. Split from SetupController.cpp to keep each file about one thing.
#include "SetupController.h"

#include "arm/ArmClient.h"
#include "arm/Cloud.h"
#include "identity/AccountManager.h"
#include "http/Policies.h"
#include "identity/ClientSecretCredential.h"

#include <QDir>
#include <QJsonDocument>
#include <QJsonParseError>
#include <QJsonArray>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QPointer>
#include <QSslConfiguration>
#include <QSettings>
#include <QSslCertificate>
#include <QSysInfo>
#include <QTimer>

namespace Dps::Setup {

namespace {
const char LastPlanKey[] = "wizard/lastPlan";
} // namespace

Arm::Cloud SetupController::cloud() const
{
    if (m_cloud)
        return *m_cloud;
    if (m_service && m_service->client())
        return m_service->client()->cloud();
    return {};
}

QList<Identity::AccountTenant> SetupController::tenants() const
{
    return m_tenants;
}

QList<Identity::Account> SetupController::rememberedAccounts() const
{
    return m_accounts ? m_accounts->accounts() : QList<Identity::Account>{};
}

QString SetupController::lastUsedAccountId() const
{
    const std::optional<Identity::Account> last = m_accounts ? m_accounts->lastUsedAccount() : std::nullopt;
    return last ? last->id : QString();
}

void SetupController::resetIdentity()
{
    if (isApplying())
        cancelApply();
    if (m_engine) {
        m_engine->disconnect(this);
        m_engine->deleteLater();
        m_engine = nullptr;
    }
    for (NameKind kind : {NameKind::Dps, NameKind::Hub}) {
        NameCheck &check = nameCheck(kind);
        check.timer->stop();
        ++check.generation;
        if (auto call = check.call)
            call->cancel();
    }
    ++m_subscriptionsGeneration;
    m_subscriptionsLoading = false;
    m_subscriptionsLoaded = false;
    m_subscriptions.clear();
    m_tenants.clear();
    m_account.reset();
    m_identityLabel.clear();
    m_sandbox = false;
    if (m_ownService) {
        m_service = nullptr;
        // Outstanding calls are children of the service: they go with it.
        m_ownService.reset();
        m_client.reset();
    }
    m_cloud.reset();
}

void SetupController::signOut()
{
    resetIdentity();
    m_service = nullptr;
    Q_EMIT signedOut();
}

void SetupController::useCredential(const Arm::Cloud &cloud, std::shared_ptr<Identity::TokenCredential> credential,
                                    const QString &tenantId, const QString &label, bool sandbox)
{
    const std::optional<Identity::Account> account = m_account;
    resetIdentity();
    m_account = account;
    if (!m_nam)
        m_nam = std::make_unique<QNetworkAccessManager>();
    Http::PipelineOptions options;
    options.userAgent = m_userAgent.isEmpty()
                            ? QStringLiteral("dps-setup/%1 (%2; Qt %3)")
                                  .arg(QStringLiteral(DPS_VERSION), QSysInfo::prettyProductName(), QString::fromLatin1(qVersion()))
                                  .toUtf8()
                            : m_userAgent;
    options.defaultScope = cloud.armScope;
    options.extraCa = cloud.extraCaCertificates;
    options.extraCaOrigins = cloud.endpoints();
    auto pipeline = Http::makeArmPipeline(m_nam.get(), std::move(credential), options);
    m_client = std::make_unique<Arm::ArmClient>(pipeline, cloud, Http::SystemClock::instance());
    m_ownService = std::make_unique<Services::AzureService>(m_client.get());
    m_service = m_ownService.get();
    m_cloud = std::make_unique<Arm::Cloud>(cloud);
    m_identityLabel = label;
    m_sandbox = sandbox;
    if (m_plan.tenantId.isEmpty())
        m_plan.tenantId = tenantId;
    Q_EMIT signedIn(label);
}

void SetupController::startSandbox()
{
    if (!m_sandboxStarter) {
        Q_EMIT signInFailed(tr("This build cannot start a sandbox."));
        return;
    }
    QJsonObject info;
    QString error;
    if (!m_sandboxStarter(&info, &error)) {
        Q_EMIT signInFailed(tr("The sandbox did not start: %1").arg(error));
        return;
    }
    // The demo is the demo world's person, in both of their tenants, as a person signs in to Azure: a
    // browser sign-in that the embedded sandbox approves by itself (it runs with auto-approve). The
    // "browser" is this app fetching the sign-in address, which only ever goes to the sandbox on this
    // computer. Nothing is remembered: the account lives for this session.
    const QString user = info.value(QStringLiteral("user")).toObject().value(QStringLiteral("username")).toString();
    const Arm::Cloud cloud = sandboxCloud(info);
    if (!m_accounts || user.isEmpty() || !info.value(QStringLiteral("autoApprove")).toBool() || !cloud.validate().isEmpty()) {
        useSandbox(info);
        return;
    }
    m_sandboxCloud = cloud;
    // Start on a subscription that can hold IoT resources, unless the person chose one before.
    if (m_plan.subscriptionId.isEmpty()) {
        for (const auto &v : info.value(QStringLiteral("subscriptions")).toArray()) {
            const QJsonObject s = v.toObject();
            if (s.value(QStringLiteral("devicesRegistered")).toBool() && s.value(QStringLiteral("state")).toString() == QLatin1String("Enabled")) {
                m_plan.subscriptionId = s.value(QStringLiteral("subscriptionId")).toString();
                break;
            }
        }
    }
    if (!m_nam)
        m_nam = std::make_unique<QNetworkAccessManager>();
    Identity::SignInOptions options;
    options.loginHint = user;
    options.sessionOnly = true;
    options.ifNoKeychain = Identity::SignInOptions::IfNoKeychain::SessionOnly;
    m_demoOpener = [nam = QPointer<QNetworkAccessManager>(m_nam.get()), cloud](const QUrl &url) {
        if (!nam || !Http::isLoopback(url) || !Http::QnamTransport::sameOrigin(cloud.authorityHost, url))
            return false;
        QNetworkRequest request(url);
        if (url.scheme() == QLatin1String("https")) {
            QSslConfiguration ssl = QSslConfiguration::defaultConfiguration();
            ssl.addCaCertificates(cloud.extraCaCertificates);
            request.setSslConfiguration(ssl);
        }
        // The sandbox answers with a redirect to our own loopback listener (BrowserSignIn).
        request.setAttribute(QNetworkRequest::RedirectPolicyAttribute, QNetworkRequest::NoLessSafeRedirectPolicy);
        QNetworkReply *reply = nam->get(request);
        QObject::connect(reply, &QNetworkReply::finished, reply, &QObject::deleteLater);
        return true;
    };
    options.opener = m_demoOpener;
    signIn(Identity::SignInMethod::Browser, cloud, options);
}

Arm::Cloud SetupController::sandboxCloud(const QJsonObject &sandboxInfo)
{
    Arm::Cloud cloud = Arm::Cloud::sandbox(sandboxInfo);
    const QString caFile = sandboxInfo.value(QStringLiteral("caCertificateFile")).toString();
    if (!caFile.isEmpty() && cloud.extraCaCertificates.isEmpty())
        cloud.extraCaCertificates += QSslCertificate::fromPath(caFile, QSsl::Pem);
    return cloud;
}

void SetupController::useSandbox(const QJsonObject &sandboxInfo)
{
    const Arm::Cloud cloud = sandboxCloud(sandboxInfo);
    const QJsonObject sp = sandboxInfo.value(QStringLiteral("servicePrincipal")).toObject();
    const QString tenant = sp.value(QStringLiteral("tenantId")).toString();
    const QString clientId = sp.value(QStringLiteral("clientId")).toString();
    const QString secret = sp.value(QStringLiteral("clientSecret")).toString();
    if (!cloud.validate().isEmpty() || tenant.isEmpty() || clientId.isEmpty() || secret.isEmpty()) {
        Q_EMIT signInFailed(tr("The sandbox's description is incomplete; start it again."));
        return;
    }
    if (!m_nam)
        m_nam = std::make_unique<QNetworkAccessManager>();
    Http::PipelineOptions options;
    options.defaultScope = cloud.armScope;
    options.extraCa = cloud.extraCaCertificates;
    options.extraCaOrigins = cloud.endpoints();
    auto endpoint = std::make_shared<Identity::TokenEndpoint>(Http::makeAnonymousPipeline(m_nam.get(), options), cloud.authorityHost);
    // The sandbox's own, generated service principal: nothing is remembered and nothing goes to the keychain.
    auto credential = std::make_shared<Identity::ClientSecretCredential>(endpoint, tenant, clientId, secret);
    m_account.reset();
    m_plan.tenantId.clear();
    m_sandboxCloud = cloud;
    useCredential(cloud, credential, tenant, tr("the sandbox's service principal"), true);
}

Identity::AccountOperation *SetupController::signIn(Identity::SignInMethod method, const Arm::Cloud &cloud,
                                                     const Identity::SignInOptions &options)
{
    Q_ASSERT(m_accounts);
    if (!m_accounts)
        return nullptr;
    Identity::AccountOperation *op = m_accounts->signIn(method, cloud, options);
    connect(op, &Identity::AccountOperation::finished, this, [this, op](const Identity::Account &account) {
        m_account = account;
        m_plan.tenantId.clear();
        const Arm::Cloud cloud = account.toCloud();
        useCredential(cloud, op->credential(), account.homeTenantId, account.label(),
                      m_sandboxCloud && Identity::sameCloud(cloud, *m_sandboxCloud));
    });
    connect(op, &Identity::AccountOperation::failed, this,
            [this](const Identity::AccountError &error) { Q_EMIT signInFailed(error.userMessage()); });
    return op;
}

void SetupController::useAccount(const Identity::Account &account)
{
    Q_ASSERT(m_accounts);
    if (!m_accounts)
        return;
    Identity::AccountOperation *op = m_accounts->restore(account);
    connect(op, &Identity::AccountOperation::finished, this, [this, op](const Identity::Account &restored) {
        m_account = restored;
        m_plan.tenantId.clear();
        m_accounts->store().setLastUsed(restored.id);
        const Arm::Cloud cloud = restored.toCloud();
        useCredential(cloud, op->credential(), restored.homeTenantId, restored.label(),
                      cloud.kind == Arm::Cloud::Kind::Sandbox);
    });
    connect(op, &Identity::AccountOperation::failed, this,
            [this](const Identity::AccountError &error) { Q_EMIT signInFailed(error.userMessage()); });
}

Identity::AccountOperation *SetupController::signInToTenant(const QString &tenantId)
{
    if (!m_accounts || !m_account || !m_account->isUser()) {
        Q_EMIT signInFailed(tr("Only an account of a person can sign in to another tenant; sign in with your browser first."));
        return nullptr;
    }
    Identity::SignInOptions options;
    options.tenant = tenantId;
    options.loginHint = m_account->username;
    options.clientId = m_account->clientId;
    options.sessionOnly = m_account->sessionOnly; // a session's account stays one
    if (options.sessionOnly)
        options.ifNoKeychain = Identity::SignInOptions::IfNoKeychain::SessionOnly;
    // The demo person signs in to their other tenant the way they signed in: through the app itself.
    if (m_sandbox && m_demoOpener)
        options.opener = m_demoOpener;
    return signIn(m_account->method, m_account->toCloud(), options);
}

QUrl SetupController::portalUrl(const QString &resourceId) const
{
    const Arm::Cloud c = cloud();
    if (m_sandbox || c.portalUrl.isEmpty() || resourceId.isEmpty())
        return {};
    QString tenant = m_plan.tenantId;
    // https://portal.azure.com/#@<tenant>/resource/<id>
    QUrl url = c.portalUrl;
    url.setFragment(QStringLiteral("@%1/resource%2").arg(tenant, resourceId), QUrl::DecodedMode);
    return url;
}

// ---- remembered choices ------------------------------------------------------------------------

namespace {
std::unique_ptr<QSettings> openSettings(const QString &file)
{
    if (file.isEmpty())
        return std::make_unique<QSettings>(QStringLiteral("dps-setup"), QStringLiteral("dps-setup"));
    return std::make_unique<QSettings>(file, QSettings::IniFormat);
}
} // namespace

void SetupController::rememberChoices() const
{
    // PlanInput holds names, regions and options only; the access policy is a name, never its key.
    const QByteArray json = QJsonDocument(m_plan.toJson()).toJson(QJsonDocument::Compact);
    openSettings(m_settingsFile)->setValue(QLatin1String(LastPlanKey), QString::fromUtf8(json));
}

bool SetupController::restoreChoices()
{
    m_startupNotes.clear();
    const auto settings = openSettings(m_settingsFile);
    if (settings->status() != QSettings::NoError) {
        m_startupNotes << tr("The settings file %1 cannot be read, so the choices of your last session are not restored "
                             "(and today's may not be kept). Check that it is a readable and writable file.")
                              .arg(settings->fileName());
        return false;
    }
    const QString json = settings->value(QLatin1String(LastPlanKey)).toString();
    if (json.isEmpty())
        return false;
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(json.toUtf8(), &error);
    if (error.error != QJsonParseError::NoError || !doc.isObject()) {
        // A clean reset: the damaged value goes, so the next start does not trip over it again.
        settings->remove(QLatin1String(LastPlanKey));
        m_startupNotes << tr("The choices remembered from your last session could not be read and were reset; the wizard "
                             "starts with its defaults.");
        return false;
    }
    m_plan = PlanInput::fromJson(doc.object());
    QString damaged;
    QString unreadable;
    const QJsonObject journal = m_journal->load(m_plan.journalKey(), &damaged, &unreadable);
    if (!unreadable.isEmpty()) {
        m_startupNotes << tr("The record of your last run cannot be read (%1). Apply looks at what Azure holds and "
                             "creates only what is missing, but cannot pick up an operation that was still running; "
                             "check the file's permissions.")
                              .arg(unreadable);
    } else if (!damaged.isEmpty()) {
        m_startupNotes << tr("The record of your last run could not be read and was set aside (%1). Apply looks at what "
                             "Azure holds and creates only what is missing.")
                              .arg(QDir::toNativeSeparators(damaged));
    } else if (!journal.isEmpty() && !m_plan.dpsName.isEmpty()) {
        m_startupNotes << tr("Your last setup (DPS '%1', IoT hub '%2') stopped before it finished. Sign in and go on to "
                             "Review: Apply finishes it without creating anything twice.")
                              .arg(m_plan.dpsName, m_plan.hubName);
    }
    return true;
}

bool SetupController::hasUnfinishedRun() const
{
    return !m_journal->load(m_plan.journalKey()).isEmpty();
}

} // namespace Dps::Setup
