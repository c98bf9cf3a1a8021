// The sign-in half of SetupController: which identity and cloud the wizard works with, remembered
// choices and the portal links. Split from SetupController.cpp to keep each file about one thing.
#include "SetupController.h"

#include "arm/ArmClient.h"
#include "arm/Cloud.h"
#include "identity/AccountManager.h"
#include "identity/ClientSecretCredential.h"

#include <QDir>
#include <QJsonDocument>
#include <QNetworkAccessManager>
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
    useSandbox(info);
}

void SetupController::useSandbox(const QJsonObject &sandboxInfo)
{
    Arm::Cloud cloud = Arm::Cloud::sandbox(sandboxInfo);
    const QString caFile = sandboxInfo.value(QStringLiteral("caCertificateFile")).toString();
    if (!caFile.isEmpty() && cloud.extraCaCertificates.isEmpty())
        cloud.extraCaCertificates += QSslCertificate::fromPath(caFile, QSsl::Pem);
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
    const QString json = openSettings(m_settingsFile)->value(QLatin1String(LastPlanKey)).toString();
    if (json.isEmpty())
        return false;
    const QJsonObject object = QJsonDocument::fromJson(json.toUtf8()).object();
    if (object.isEmpty())
        return false;
    m_plan = PlanInput::fromJson(object);
    return true;
}

bool SetupController::hasUnfinishedRun() const
{
    return !m_journal->load(m_plan.journalKey()).isEmpty();
}

} // namespace Dps::Setup
