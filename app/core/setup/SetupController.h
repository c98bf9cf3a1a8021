#pragma once

#include "SetupEngine.h"
#include "SetupPlan.h"
#include "arm/ArmError.h"
#include "arm/Resources.h"
#include "identity/AccountManager.h"
#include "secrets/SecretStore.h"
#include "services/AzureService.h"

#include <QHash>
#include <QJsonObject>
#include <QList>
#include <QObject>
#include <QPointer>
#include <QString>

#include <functional>
#include <memory>
#include <optional>

class QNetworkAccessManager;
class QTimer;

namespace Dps::Arm {
class ArmClient;
}

namespace Dps::Setup {

// What the wizard's pages talk to (STYLE.md section 7): the person's typed choices (plan()), the
// asynchronous lookups the pages need (subscriptions, groups, regions, hubs, DPS, hub policies, the
// provider state), debounced name checks, and the run itself (a SetupEngine it creates and owns).
// Every lookup answers with its own *Changed signal or loadFailed(what, error); never a nested event loop.
// Results carry what they were about (subscription, hub), so a page can drop answers to older questions.
class SetupController : public QObject
{
    Q_OBJECT
public:
    enum class NameKind { Dps, Hub };
    Q_ENUM(NameKind)

    // `service` (not owned) makes every ARM call until someone signs in through this controller (then
    // it builds its own); it may be null when the wizard starts signed out. `accounts` (optional, not
    // owned) signs in and remembers accounts; the run journal lives in `journalDirectory` (nothing secret).
    SetupController(Services::AzureService *service, Identity::AccountManager *accounts, QString journalDirectory,
                    QObject *parent = nullptr);
    ~SetupController() override;

    Services::AzureService *service() const { return m_service; }
    Identity::AccountManager *accounts() const { return m_accounts; }

    // ---- identity (the sign-in page) --------------------------------------------------------
    // The composition root lets the app start an embedded sandbox (demo world): the starter returns the
    // sandbox's info file JSON (endpoints, service principal), or false with a message.
    using SandboxStarter = std::function<bool(QJsonObject *info, QString *error)>;
    void setSandboxStarter(SandboxStarter starter) { m_sandboxStarter = std::move(starter); }
    bool canStartSandbox() const { return bool(m_sandboxStarter); }
    // -> signedIn or signInFailed. With an AccountManager and a sandbox that approves sign-ins by itself
    // (the app's embedded one), as the demo world's person, for this session only; else as its service principal.
    void startSandbox();
    void useSandbox(const QJsonObject &sandboxInfo); // a running sandbox: its service principal, nothing remembered
    // Through the AccountManager: browser, device code, service principal, Azure CLI. The page listens to
    // the operation (code, browser, keychain questions); the controller uses the account once it finishes.
    Identity::AccountOperation *signIn(Identity::SignInMethod method, const Arm::Cloud &cloud,
                                       const Identity::SignInOptions &options);
    void useAccount(const Identity::Account &account); // a remembered account: restore -> signedIn / signInFailed
    // Signs the current account in to one of its tenants that needs it (MFA, Conditional Access): the
    // same method, a login hint, that tenant. -> signedIn (then loadSubscriptions() lists it) / signInFailed.
    Identity::AccountOperation *signInToTenant(const QString &tenantId);
    QList<Identity::Account> rememberedAccounts() const;
    QString lastUsedAccountId() const; // empty when none
    bool canSignIn() const { return m_accounts != nullptr; } // accounts can be signed in (an AccountManager is wired)
    void signOut();                                   // forgets the identity in use (not the account)
    bool isSignedIn() const { return m_service != nullptr; }
    bool isSandbox() const { return m_sandbox; }
    Arm::Cloud cloud() const;
    // The sandbox's cloud once one is in use (offered on the sign-in page for signing in to it as a user).
    std::optional<Arm::Cloud> sandboxCloud() const { return m_sandboxCloud; }
    QString identityLabel() const { return m_identityLabel; } // "alex@contoso.example", "sandbox service principal"
    // The tenants of the signed-in account with their state (needs sign-in, failed) after loadSubscriptions().
    QList<Identity::AccountTenant> tenants() const;
    // The resource in the Azure portal; empty for the sandbox and clouds without a portal.
    QUrl portalUrl(const QString &resourceId) const;
    void setUserAgent(const QByteArray &userAgent) { m_userAgent = userAgent; }

    // ---- remembered choices (never secrets) ---------------------------------------------------
    // The last plan, in QSettings (`settingsFile`, or the user's dps-setup settings when empty).
    void setSettingsFile(const QString &file) { m_settingsFile = file; }
    void rememberChoices() const;
    bool restoreChoices(); // true when something was restored into plan()
    // What the first page says about the state the last session left, after restoreChoices(): an
    // unfinished run to resume, remembered choices or a journal that could not be read (and were reset).
    QStringList startupNotes() const { return m_startupNotes; }
    // An earlier run of plan() stopped before it finished (its journal is still there): Apply resumes it.
    bool hasUnfinishedRun() const;

    // The typed choices; pages edit them directly.
    PlanInput &plan() { return m_plan; }
    const PlanInput &plan() const { return m_plan; }
    // The existing DPS chosen on the DPS page as its list showed it (allocation policy, linked hubs), so
    // the later pages can start from what it holds; nullopt for a new DPS.
    void setExistingDps(const std::optional<Arm::ProvisioningService> &dps) { m_existingDps = dps; }
    const std::optional<Arm::ProvisioningService> &existingDps() const { return m_existingDps; }

    // ---- lookups ----------------------------------------------------------------------------
    // Subscriptions of every tenant the signed-in identity sees -> subscriptionsChanged. A tenant that
    // fails is reported through loadFailed("subscriptions", ...) and the others are still listed.
    void loadSubscriptions();
    QList<Arm::Subscription> subscriptions() const { return m_subscriptions; }
    // The subscriptions of the identity in use were listed (and not signed out since): subscriptions()
    // holds them, and tenants() the tenants' states.
    bool subscriptionsLoaded() const { return m_subscriptionsLoaded; }
    // tenantId empty: the subscription's tenant as last listed by loadSubscriptions().
    void loadResourceGroups(const QString &subscriptionId, const QString &tenantId = {});
    void loadLocations(const QString &subscriptionId, const QString &tenantId = {}); // regions with DPS and IoT Hub
    // "West Europe" for "westeurope", from the regions loaded so far (the name itself when unknown).
    QString locationDisplayName(const QString &name) const;
    void loadHubs(const QString &subscriptionId, const QString &tenantId = {});
    void loadDps(const QString &subscriptionId, const QString &tenantId = {});
    // The hub's access policies that can link a DPS (RegistryWrite + ServiceConnect), without keys.
    void loadHubPolicies(const Services::ResourceRef &hub);
    void providerState(const QString &subscriptionId, const QString &tenantId = {}); // Microsoft.Devices
    void registerProvider(const QString &subscriptionId, const QString &tenantId = {});

    // ---- name checks ------------------------------------------------------------------------
    // Debounced: the request goes out nameCheckDelayMs() after the last call, for the last name only,
    // in plan()'s subscription (the DPS's for both: the names are global, and a new hub's subscription may
    // not be registered for Microsoft.Devices yet). A taken name that is the plan's own DPS or hub (looked
    // up in plan().dpsRef() / hubRef()) is available. A name breaking the naming rule is answered
    // at once, without a request. nameChecked is emitted only for the latest name of each kind.
    void checkDpsName(const QString &name);
    void checkHubName(const QString &name);
    void setNameCheckDelayMs(int ms);
    int nameCheckDelayMs() const { return m_nameDelayMs; }
    // Translated message when `name` breaks the DPS / IoT hub naming rule; empty when it is fine.
    static QString nameProblem(const QString &name);
    // Translated message when `name` breaks the resource group naming rule; empty when it is fine.
    static QString resourceGroupProblem(const QString &name);

    // ---- review and apply -------------------------------------------------------------------
    // The plan the last checks made from what Azure holds (steps, before -> after, calls), while the
    // choices are still those it was made for; nullopt before the checks or when they failed.
    std::optional<Plan> currentPlan() const;
    // The person has seen currentPlan() (e.g. on the Apply page after Azure changed): Apply may do it.
    void approveCurrentPlan();
    void runChecks();                          // reads Azure, checks plan() and makes the plan -> checksFinished
    void applyFix(const QString &checkId);     // e.g. "provider-registered" -> checksFinished again
    void startApply();                         // plan() -> stepChanged..., finished or failed
    void cancelApply();
    bool isApplying() const;
    QList<StepStatus> steps() const;
    std::optional<SetupResult> result() const { return m_result; }
    void setPollIntervalMs(int ms); // forwarded to the engine (tests)

Q_SIGNALS:
    void signedIn(const QString &identityLabel);
    void signInFailed(const QString &message);
    void signedOut();
    void subscriptionsChanged(const QList<Dps::Arm::Subscription> &subscriptions);
    void resourceGroupsChanged(const QString &subscriptionId, const QList<Dps::Arm::ResourceGroup> &groups);
    void locationsChanged(const QString &subscriptionId, const QList<Dps::Arm::Location> &locations);
    void hubsChanged(const QString &subscriptionId, const QList<Dps::Arm::IotHub> &hubs);
    void dpsChanged(const QString &subscriptionId, const QList<Dps::Arm::ProvisioningService> &services);
    void hubPoliciesChanged(const QString &subscriptionId, const QString &hubName, const QList<Dps::Arm::AccessPolicy> &policies);
    void providerStateChanged(const QString &subscriptionId, const Dps::Arm::ProviderState &state);
    // available false with a translated message (rule broken, name taken, or the check failed); available
    // true with a message when the name is the plan's own existing resource (it will be used as it is).
    void nameChecked(Dps::Setup::SetupController::NameKind kind, const QString &name, bool available, const QString &message);
    // what: "subscriptions", "resourceGroups", "locations", "hubs", "dps", "hubPolicies", "provider",
    // "registerProvider", "dpsName", "hubName".
    void loadFailed(const QString &what, const Dps::Arm::ArmError &error);

    // Forwarded from the engine.
    void checksFinished(const QList<Dps::Setup::CheckResult> &checks);
    void stepChanged(const Dps::Setup::StepStatus &status);
    void finished(const Dps::Setup::SetupResult &result);
    void failed(const Dps::Arm::ArmError &error);

private:
    QStringList m_startupNotes;
    Identity::UrlOpener m_demoOpener; // the demo's in-app "browser" (startSandbox), for its tenant sign-ins too
    static Arm::Cloud sandboxCloud(const QJsonObject &sandboxInfo); // with its CA file
    bool requireService(const QString &what); // false (and loadFailed queued) when signed out
    struct NameCheck
    {
        QTimer *timer = nullptr;
        QString name;
        quint64 generation = 0;
        QPointer<Services::ServiceCall> call;
    };
    NameCheck &nameCheck(NameKind kind) { return kind == NameKind::Dps ? m_dpsName : m_hubName; }
    void checkName(NameKind kind, const QString &name);
    void sendNameCheck(NameKind kind);
    void confirmOwnResource(NameKind kind, const QString &name, quint64 generation);
    QString tenantOf(const QString &subscriptionId, const QString &tenantId) const;
    void finishSubscriptions();
    SetupEngine *engine();
    void useCredential(const Arm::Cloud &cloud, std::shared_ptr<Identity::TokenCredential> credential, const QString &tenantId,
                       const QString &label, bool sandbox);
    void resetIdentity();

    Services::AzureService *m_service;
    // Built when someone signs in here (then m_service points at m_ownService).
    std::unique_ptr<QNetworkAccessManager> m_nam;
    std::unique_ptr<Arm::ArmClient> m_client;
    std::unique_ptr<Services::AzureService> m_ownService;
    std::unique_ptr<Arm::Cloud> m_cloud;
    std::optional<Identity::Account> m_account;
    QList<Identity::AccountTenant> m_tenants;
    QString m_identityLabel;
    bool m_sandbox = false;
    std::optional<Arm::Cloud> m_sandboxCloud;
    SandboxStarter m_sandboxStarter;
    QByteArray m_userAgent;
    QString m_settingsFile;
    Identity::AccountManager *m_accounts;
    std::shared_ptr<RunJournal> m_journal;
    PlanInput m_plan;
    std::optional<Arm::ProvisioningService> m_existingDps;

    QList<Arm::Subscription> m_subscriptions;
    QHash<QString, QString> m_locationNames; // name (lower case) -> display name
    QList<Arm::Subscription> m_pendingSubscriptions;
    int m_pendingTenants = 0;
    quint64 m_subscriptionsGeneration = 0;
    bool m_subscriptionsLoading = false;
    bool m_subscriptionsLoaded = false;

    int m_nameDelayMs = 400;
    NameCheck m_dpsName;
    NameCheck m_hubName;

    SetupEngine *m_engine = nullptr; // owned (child)
    std::optional<Plan> m_reviewedPlan;
    bool m_checkingForReview = false;  // the running checks are Review's (not an Apply's)
    std::optional<Plan> m_approvedPlan; // what the person saw; Apply and its Retries stay within it
    int m_pollIntervalMs = -1;
    std::optional<SetupResult> m_result;
};

} // namespace Dps::Setup
