#pragma once

#include "arm/ArmClient.h"
#include "arm/Resources.h"

#include <QObject>
#include <QPointer>
#include <QVariant>

#include <functional>
#include <optional>
#include <variant>

namespace Dps::Services {

// api-versions the app uses (azure-arm.md section 1).
inline const QString kDpsApiVersion = QStringLiteral("2022-12-12");
inline const QString kHubApiVersion = QStringLiteral("2023-06-30");
inline const QString kResourcesApiVersion = QStringLiteral("2021-04-01");
inline const QString kSubscriptionsApiVersion = QStringLiteral("2022-12-01");

// A typed one-shot service call: emits exactly one of finished(value) / failed(error), then deletes
// itself. value() holds e.g. QList<Arm::Subscription> (see each operation). Like ArmReply, it signals
// from the event loop only; deleting or cancelling it cancels the ARM calls it is making.
class ServiceCall : public QObject
{
    Q_OBJECT
public:
    explicit ServiceCall(QObject *parent = nullptr);
    ~ServiceCall() override;
    template<typename T>
    T value() const { return m_value.value<T>(); }
    void cancel();
    Http::CancellationTokenPtr cancellation() const { return m_cancellation; }
    void complete(const QVariant &value);
    void fail(const Arm::ArmError &error);

Q_SIGNALS:
    void finished(const QVariant &value);
    void failed(const Dps::Arm::ArmError &error);

private:
    QVariant m_value;
    Http::CancellationTokenPtr m_cancellation;
    bool m_done = false;
};

// Calls `onValue(T)` / `onError(ArmError)` with `context` as the connection context (a deleted page stops listening).
template<typename T, typename OnValue, typename OnError>
void onResult(ServiceCall *call, QObject *context, OnValue onValue, OnError onError)
{
    QObject::connect(call, &ServiceCall::finished, context, [onValue](const QVariant &v) { onValue(v.value<T>()); });
    QObject::connect(call, &ServiceCall::failed, context, onError);
}

// Where a hub or DPS lives; tenantId picks the token (a hub in another tenant).
struct ResourceRef
{
    QString subscriptionId;
    QString resourceGroup;
    QString name;
    QString tenantId;
};

// What a caller already holds, freshly read (e.g. the final body of the operation before): lets a
// composite operation skip its own GET of it. Empty members are read as usual.
struct KnownState
{
    std::optional<Arm::ProvisioningService> dps;
    std::optional<Arm::IotHub> hub;
    std::optional<Arm::ProviderState> provider; // Microsoft.Devices of the subscription asked about
};

struct LinkOptions
{
    QString accessPolicy = QStringLiteral("iothubowner"); // must have RegistryWrite + ServiceConnect
    int allocationWeight = 1;                             // 1-1000
    bool applyAllocationPolicy = true;
    // Least privilege: create `accessPolicy` on the hub with exactly RegistryWrite + ServiceConnect when
    // it does not exist yet (ensureHubPolicy), instead of handing the DPS the hub owner's key.
    bool createPolicy = false;
    // configureDps: an existing link to the hub's host name gets the hub's key anew (it was left by a
    // deleted hub of the same name), not just its weight and flag.
    bool replaceKey = false;
};

// Everything the app does in Azure, typed, on top of ArmClient. No widgets, no keychain.
class AzureService : public QObject
{
    Q_OBJECT
public:
    explicit AzureService(Arm::ArmClient *client, QObject *parent = nullptr);
    Arm::ArmClient *client() const { return m_client; }
    // Wait between provider GETs while Microsoft.Devices registers; bounded to 10 minutes. By default
    // (0) it follows the registration's usual course: every 250 ms for the first 10 s (a registration
    // that is nearly done is seen at once), then every second, and every 3 s after a minute.
    void setProviderPollIntervalMs(int ms) { m_providerPollMs = ms; }

    ServiceCall *listTenants();                                             // QList<Arm::Tenant>
    ServiceCall *listSubscriptions(const QString &tenantId = {});           // QList<Arm::Subscription>
    ServiceCall *getSubscription(const QString &subscriptionId, const QString &tenantId = {}); // Arm::Subscription
    // Regions offering both Microsoft.Devices/IotHubs and ProvisioningServices.  QList<Arm::Location>
    ServiceCall *listDeviceLocations(const QString &subscriptionId, const QString &tenantId = {}, const KnownState &known = {});
    ServiceCall *listResourceGroups(const QString &subscriptionId, const QString &tenantId = {}); // QList<Arm::ResourceGroup>
    ServiceCall *getResourceGroup(const QString &subscriptionId, const QString &name, const QString &tenantId = {}); // Arm::ResourceGroup
    ServiceCall *createResourceGroup(const QString &subscriptionId, const QString &name, const QString &location,
                                     const QString &tenantId = {}); // Arm::ResourceGroup
    ServiceCall *providerState(const QString &subscriptionId, const QString &tenantId = {}); // Arm::ProviderState (Microsoft.Devices)
    ServiceCall *registerDevicesProvider(const QString &subscriptionId, const QString &tenantId = {}); // Arm::ProviderState
    ServiceCall *checkDpsName(const QString &subscriptionId, const QString &name, const QString &tenantId = {}); // Arm::NameAvailability
    ServiceCall *checkHubName(const QString &subscriptionId, const QString &name, const QString &tenantId = {}); // Arm::NameAvailability

    ServiceCall *getDps(const ResourceRef &dps);  // Arm::ProvisioningService
    ServiceCall *getHub(const ResourceRef &hub);  // Arm::IotHub
    ServiceCall *listDps(const QString &subscriptionId, const QString &resourceGroup = {}, const QString &tenantId = {}); // QList<Arm::ProvisioningService>
    ServiceCall *listHubs(const QString &subscriptionId, const QString &resourceGroup = {}, const QString &tenantId = {}); // QList<Arm::IotHub>
    ServiceCall *listHubPolicies(const ResourceRef &hub);  // QList<Arm::AccessPolicy> (with keys: drop them soon)
    ServiceCall *hubPolicy(const ResourceRef &hub, const QString &keyName); // Arm::AccessPolicy (with keys)
    ServiceCall *listDpsPolicies(const ResourceRef &dps);  // QList<Arm::AccessPolicy>

    // createDps/createHub PUT a minimal body (azure-arm.md 2.4, 3.1): meant for new resources; on an
    // existing DPS it would reset its links and policy, so look first (the setup engine does).
    // `allocationPolicy` goes into the creation PUT (Hashed, GeoLatency, Static; empty: Azure's default).
    Arm::ArmOperation *createDps(const ResourceRef &dps, const QString &location, qint64 units = 1,
                                 const QString &allocationPolicy = {});
    Arm::ArmOperation *createHub(const ResourceRef &hub, const QString &location, const QString &sku = QStringLiteral("S1"),
                                 qint64 units = 1, int partitions = 4);
    // The hub's access policy `keyName` with RegistryWrite + ServiceConnect: finished(hub) at once when it
    // exists with those rights; otherwise GET hub -> listkeys -> PUT hub (If-Match: etag) with every policy
    // plus the new one -> LRO, as `az iot hub policy create` does (a hub PUT replaces the whole list, so
    // the others are sent back with their keys; they live only in that request body).
    Arm::ArmOperation *ensureHubPolicy(const ResourceRef &hub, const QString &keyName, const KnownState &known = {});
    Arm::ArmOperation *deleteDps(const ResourceRef &dps);
    Arm::ArmOperation *deleteHub(const ResourceRef &hub);
    // GET hub (its tenant) -> GET DPS (its tenant) -> policy key (hub's tenant) -> add -> PUT DPS -> LRO.
    // Fails (Kind::Validation) before any write if the hub is not Active or has local auth disabled, the
    // hub is linked already (code "HubAlreadyLinked"), or the policy lacks RegistryWrite/ServiceConnect.
    // The key lives only in the PUT body. Composite operations carry the final PUT's resume token.
    Arm::ArmOperation *linkHub(const ResourceRef &dps, const ResourceRef &hub, const LinkOptions &options,
                               const KnownState &known = {});
    // Fails with "LinkedHubNotFound" if the DPS doesn't link that host name.
    Arm::ArmOperation *updateLinkedHub(const ResourceRef &dps, const QString &hubHostName, int allocationWeight,
                                       bool applyAllocationPolicy, const KnownState &known = {});
    // The DPS as wanted, in one PUT: the hub linked with `link` (added with the policy's key when it is
    // missing; weight and apply flag changed in place when they differ) and, when `allocationPolicy` is
    // not empty, that policy. Nothing differs: finishes with the DPS as it is, no PUT. Fails like linkHub
    // (hub not active, local auth disabled, policy without the rights) before any write.
    Arm::ArmOperation *configureDps(const ResourceRef &dps, const ResourceRef &hub, const LinkOptions &link,
                                    const QString &allocationPolicy, const KnownState &known = {});
    // Idempotent: a hub that isn't linked finishes at once with the DPS as it is (no PUT).
    Arm::ArmOperation *unlinkHub(const ResourceRef &dps, const QString &hubHostName, const KnownState &known = {});
    // "Hashed", "GeoLatency" or "Static" (any case). Already set: finishes with the DPS, no PUT.
    Arm::ArmOperation *setAllocationPolicy(const ResourceRef &dps, const QString &policy, const KnownState &known = {});

private:
    static std::optional<Arm::ArmError> hubCannotBeLinked(const Arm::IotHub &h);
    static std::variant<QJsonObject, Arm::ArmError> linkedHubEntry(const Arm::IotHub &h, Arm::AccessPolicy &key, const LinkOptions &options);
    static Arm::ArmError invalidAllocationPolicy(const QString &policy);
    template<typename Edit>
    Arm::ArmOperation *editDps(const ResourceRef &dps, const KnownState &known, Edit edit);
    // getDps/getHub, or an already-known value delivered the same way (from the event loop).
    ServiceCall *dpsOrKnown(const ResourceRef &dps, const KnownState &known);
    ServiceCall *hubOrKnown(const ResourceRef &hub, const KnownState &known);
    void pollProvider(QPointer<ServiceCall> call, QString subscriptionId, QString tenantId, qint64 deadlineMs);

    Arm::ArmClient *m_client;
    int m_providerPollMs = 0;
};

} // namespace Dps::Services

Q_DECLARE_METATYPE(QList<Dps::Arm::Tenant>)
Q_DECLARE_METATYPE(QList<Dps::Arm::Subscription>)
Q_DECLARE_METATYPE(QList<Dps::Arm::Location>)
Q_DECLARE_METATYPE(QList<Dps::Arm::ResourceGroup>)
Q_DECLARE_METATYPE(QList<Dps::Arm::ProvisioningService>)
Q_DECLARE_METATYPE(QList<Dps::Arm::IotHub>)
Q_DECLARE_METATYPE(QList<Dps::Arm::AccessPolicy>)
Q_DECLARE_METATYPE(Dps::Arm::Tenant)
Q_DECLARE_METATYPE(Dps::Arm::Subscription)
Q_DECLARE_METATYPE(Dps::Arm::ResourceGroup)
Q_DECLARE_METATYPE(Dps::Arm::ProviderState)
Q_DECLARE_METATYPE(Dps::Arm::NameAvailability)
Q_DECLARE_METATYPE(Dps::Arm::AccessPolicy)
