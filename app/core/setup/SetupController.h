#pragma once

#include "SetupEngine.h"
#include "SetupPlan.h"
#include "arm/ArmError.h"
#include "arm/Resources.h"
#include "services/AzureService.h"

#include <QList>
#include <QObject>
#include <QPointer>
#include <QString>

#include <memory>
#include <optional>

class QTimer;

namespace Dps::Identity {
class AccountManager;
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

    // `service` (not owned) makes every ARM call; `accounts` (optional, not owned) is the signed-in
    // account; the run journal lives in `journalDirectory` (nothing secret).
    SetupController(Services::AzureService *service, Identity::AccountManager *accounts, QString journalDirectory,
                    QObject *parent = nullptr);
    ~SetupController() override;

    Services::AzureService *service() const { return m_service; }
    Identity::AccountManager *accounts() const { return m_accounts; }

    // The typed choices; pages edit them directly.
    PlanInput &plan() { return m_plan; }
    const PlanInput &plan() const { return m_plan; }

    // ---- lookups ----------------------------------------------------------------------------
    // Subscriptions of every tenant the signed-in identity sees -> subscriptionsChanged. A tenant that
    // fails is reported through loadFailed("subscriptions", ...) and the others are still listed.
    void loadSubscriptions();
    QList<Arm::Subscription> subscriptions() const { return m_subscriptions; }
    // tenantId empty: the subscription's tenant as last listed by loadSubscriptions().
    void loadResourceGroups(const QString &subscriptionId, const QString &tenantId = {});
    void loadLocations(const QString &subscriptionId, const QString &tenantId = {}); // regions with DPS and IoT Hub
    void loadHubs(const QString &subscriptionId, const QString &tenantId = {});
    void loadDps(const QString &subscriptionId, const QString &tenantId = {});
    // The hub's access policies that can link a DPS (RegistryWrite + ServiceConnect), without keys.
    void loadHubPolicies(const Services::ResourceRef &hub);
    void providerState(const QString &subscriptionId, const QString &tenantId = {}); // Microsoft.Devices
    void registerProvider(const QString &subscriptionId, const QString &tenantId = {});

    // ---- name checks ------------------------------------------------------------------------
    // Debounced: the request goes out nameCheckDelayMs() after the last call, for the last name only,
    // in plan()'s subscription (the hub's for checkHubName). A name breaking the naming rule is answered
    // at once, without a request. nameChecked is emitted only for the latest name of each kind.
    void checkDpsName(const QString &name);
    void checkHubName(const QString &name);
    void setNameCheckDelayMs(int ms);
    int nameCheckDelayMs() const { return m_nameDelayMs; }
    // Translated message when `name` breaks the DPS / IoT hub naming rule; empty when it is fine.
    static QString nameProblem(const QString &name);

    // ---- review and apply -------------------------------------------------------------------
    QList<PlannedCall> describePlan() const;
    void runChecks();                          // pre-flight checks of plan() -> checksFinished
    void applyFix(const QString &checkId);     // e.g. "provider-registered" -> checksFinished again
    void startApply();                         // plan() -> stepChanged..., finished or failed
    void cancelApply();
    bool isApplying() const;
    QList<StepStatus> steps() const;
    std::optional<SetupResult> result() const { return m_result; }
    void setPollIntervalMs(int ms); // forwarded to the engine (tests)

Q_SIGNALS:
    void subscriptionsChanged(const QList<Dps::Arm::Subscription> &subscriptions);
    void resourceGroupsChanged(const QString &subscriptionId, const QList<Dps::Arm::ResourceGroup> &groups);
    void locationsChanged(const QString &subscriptionId, const QList<Dps::Arm::Location> &locations);
    void hubsChanged(const QString &subscriptionId, const QList<Dps::Arm::IotHub> &hubs);
    void dpsChanged(const QString &subscriptionId, const QList<Dps::Arm::ProvisioningService> &services);
    void hubPoliciesChanged(const QString &subscriptionId, const QString &hubName, const QList<Dps::Arm::AccessPolicy> &policies);
    void providerStateChanged(const QString &subscriptionId, const Dps::Arm::ProviderState &state);
    // available false with a translated message (rule broken, name taken, or the check failed).
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
    QString tenantOf(const QString &subscriptionId, const QString &tenantId) const;
    void finishSubscriptions();
    SetupEngine *engine();

    Services::AzureService *m_service;
    Identity::AccountManager *m_accounts;
    std::shared_ptr<RunJournal> m_journal;
    PlanInput m_plan;

    QList<Arm::Subscription> m_subscriptions;
    QList<Arm::Subscription> m_pendingSubscriptions;
    int m_pendingTenants = 0;
    quint64 m_subscriptionsGeneration = 0;

    int m_nameDelayMs = 400;
    NameCheck m_dpsName;
    NameCheck m_hubName;

    SetupEngine *m_engine = nullptr; // owned (child)
    int m_pollIntervalMs = -1;
    std::optional<SetupResult> m_result;
};

} // namespace Dps::Setup
