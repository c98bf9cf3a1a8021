#include "AzureService.h"

#include <variant>

#include "arm/ResourceId.h"
#include "http/OneShot.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QMetaObject>
#include <QSet>

#include <algorithm>
#include <optional>

namespace Dps::Services {

using Arm::ArmError;
using Arm::ArmOperation;
using Arm::ArmPager;
using Arm::ArmReply;
using Arm::ArmResponse;
using Arm::ResourceId;

namespace {

constexpr qint64 kProviderRegistrationBoundMs = 10 * 60 * 1000;

QString devicesProviderPath(const QString &subscriptionId)
{
    return QStringLiteral("/subscriptions/%1/providers/Microsoft.Devices").arg(subscriptionId);
}

QString hubPath(const ResourceRef &r)
{
    return ResourceId::hubPath(r.subscriptionId, r.resourceGroup, r.name);
}

QString dpsPath(const ResourceRef &r)
{
    return ResourceId::dpsPath(r.subscriptionId, r.resourceGroup, r.name);
}

// Cancelling (or deleting) `parent` cancels `child`, whatever it is (ArmReply, ArmPager, ServiceCall...).
template<typename Child>
void cancelWith(const Http::CancellationTokenPtr &parent, Child *child)
{
    QPointer<Child> guard(child);
    parent->onCancel([guard] {
        if (guard)
            guard->cancel();
    });
}

template<typename T>
QList<T> parseAll(const QJsonArray &items)
{
    QList<T> list;
    list.reserve(items.size());
    for (const auto &v : items) {
        if (v.isObject())
            list.append(T::fromJson(v.toObject()));
    }
    return list;
}

// A one-shot ServiceCall from one ARM reply, its body parsed by `parse`.
// Calls and operations are children of the service that made them: a service going away (a sign-out,
// a closed window) takes what it still has in flight with it instead of leaving it orphaned.
template<typename Parse>
ServiceCall *fromReply(QObject *owner, ArmReply *reply, Parse parse)
{
    auto *call = new ServiceCall(owner);
    cancelWith(call->cancellation(), reply);
    QObject::connect(reply, &ArmReply::finished, call, [call, parse](const ArmResponse &r) {
        call->complete(parse(r));
    });
    QObject::connect(reply, &ArmReply::failed, call, [call](const ArmError &e) { call->fail(e); });
    return call;
}

template<typename T>
ServiceCall *fromPager(QObject *owner, ArmPager *pager)
{
    auto *call = new ServiceCall(owner);
    cancelWith(call->cancellation(), pager);
    QObject::connect(pager, &ArmPager::finished, call, [call](const QJsonArray &items) {
        call->complete(QVariant::fromValue(parseAll<T>(items)));
    });
    QObject::connect(pager, &ArmPager::failed, call, [call](const ArmError &e) { call->fail(e); });
    return call;
}

// Runs `next(value)` when `call` finishes, unless `op` was cancelled meanwhile; a failure fails `op`.
template<typename T, typename Next>
void then(ServiceCall *call, ArmOperation *op, Next next)
{
    cancelWith(op->cancellation(), call);
    QObject::connect(call, &ServiceCall::finished, op, [op, next](const QVariant &v) {
        if (!op->cancellation()->isCancelled())
            next(v.value<T>());
    });
    QObject::connect(call, &ServiceCall::failed, op, [op](const ArmError &e) { op->fail(e); });
}

// `outer` reports what `inner` (the final PUT) does, and cancelling `outer` cancels `inner`.
void forward(ArmOperation *inner, ArmOperation *outer)
{
    cancelWith(outer->cancellation(), inner);
    QObject::connect(inner, &ArmOperation::resumeTokenChanged, outer, &ArmOperation::setResumeToken);
    QObject::connect(inner, &ArmOperation::progress, outer, &ArmOperation::reportProgress);
    QObject::connect(inner, &ArmOperation::finished, outer, &ArmOperation::complete);
    QObject::connect(inner, &ArmOperation::failed, outer, &ArmOperation::fail);
}

// The DPS as a PUT body: the GET body without what the service owns (azure-arm.md 2.4 and 5: a changed
// read-only field is a 400, an unchanged one is ignored, so leaving them out is the safe side). Linked
// hubs stay as GET returned them, masked keys included: DPS accepts those for hubs it already links.
QJsonObject dpsPutBody(const QJsonObject &raw)
{
    QJsonObject body = raw;
    for (const char *key :
         {"id", "name", "type", "etag", "systemData", "resourcegroup", "subscriptionid"})
        body.remove(QLatin1String(key));
    QJsonObject sku = body.value(QLatin1String("sku")).toObject();
    sku.remove(QLatin1String("tier"));
    body.insert(QStringLiteral("sku"), sku);
    QJsonObject props = body.value(QLatin1String("properties")).toObject();
    for (const char *key : {"provisioningState",
                            "state",
                            "idScope",
                            "serviceOperationsHostName",
                            "deviceProvisioningHostName"})
        props.remove(QLatin1String(key));
    body.insert(QStringLiteral("properties"), props);
    return body;
}

// Host name of a linked hub entry as GET returns it (`name`, or the HostName of its connection string).
QString linkedHostName(const QJsonObject &entry)
{
    return Arm::LinkedHub::fromJson(entry).hostName;
}

struct DpsEdit
{
    bool changed = true;
    std::optional<ArmError> error;
};

} // namespace

// ---- ServiceCall --------------------------------------------------------------------------------

ServiceCall::ServiceCall(QObject *parent)
    : QObject(parent)
    , m_cancellation(std::make_shared<Http::CancellationToken>())
{}

ServiceCall::~ServiceCall()
{
    if (!m_done)
        m_cancellation->cancel();
}

void ServiceCall::cancel()
{
    if (m_done)
        return;
    m_cancellation->cancel();
    fail(ArmError::cancelled());
}

void ServiceCall::complete(const QVariant &value)
{
    if (m_done)
        return;
    m_value = value;
    Http::finishOnce(this, m_done, [this, value] { Q_EMIT finished(value); });
}

void ServiceCall::fail(const ArmError &error)
{
    if (m_done)
        return;
    m_cancellation->cancel(); // calls still running for it (a parallel sibling) are no use any more
    Http::finishOnce(this, m_done, [this, error] { Q_EMIT failed(error); });
}

// ---- AzureService -------------------------------------------------------------------------------

AzureService::AzureService(Arm::ArmClient *client, QObject *parent)
    : QObject(parent)
    , m_client(client)
{
    Q_ASSERT(client);
}

ServiceCall *AzureService::listTenants()
{
    return fromPager<Arm::Tenant>(this,
        m_client->list(QStringLiteral("/tenants"), kSubscriptionsApiVersion));
}

ServiceCall *AzureService::listSubscriptions(const QString &tenantId)
{
    return fromPager<Arm::Subscription>(this,
        m_client->list(QStringLiteral("/subscriptions"), kSubscriptionsApiVersion, tenantId));
}

ServiceCall *AzureService::getSubscription(const QString &subscriptionId, const QString &tenantId)
{
    return fromReply(this, m_client->get(QStringLiteral("/subscriptions/") + subscriptionId,
                                   kSubscriptionsApiVersion,
                                   tenantId),
                     [](const ArmResponse &r) {
                         return QVariant::fromValue(Arm::Subscription::fromJson(r.body));
                     });
}

ServiceCall *AzureService::listDeviceLocations(const QString &subscriptionId,
                                               const QString &tenantId,
                                               const KnownState &known)
{
    // The subscription's regions, kept where Microsoft.Devices offers both IotHubs and
    // ProvisioningServices. The provider lists display names ("West Europe"): match them via the
    // locations' displayName (azure-arm.md 4).
    struct State
    {
        QList<Arm::Location> locations;
        Arm::ProviderState provider;
        int pending = 2;
    };
    auto state = std::make_shared<State>();
    auto *call = new ServiceCall(this);
    ArmPager *locations
        = m_client->list(QStringLiteral("/subscriptions/%1/locations").arg(subscriptionId),
                         kSubscriptionsApiVersion,
                         tenantId);
    cancelWith(call->cancellation(), locations);
    // The provider's state, unless the caller read it just before.
    ArmReply *provider = nullptr;
    if (known.provider) {
        state->provider = *known.provider;
        state->pending = 1;
    } else {
        provider = m_client->get(devicesProviderPath(subscriptionId), kResourcesApiVersion, tenantId);
        cancelWith(call->cancellation(), provider);
    }
    auto combine = [call, state] {
        if (--state->pending > 0)
            return;
        auto normalized = [](QString s) { return s.remove(QLatin1Char(' ')).toLower(); };
        QSet<QString> hubs, dps;
        for (const auto &l : state->provider.locationsOf(QStringLiteral("IotHubs")))
            hubs.insert(normalized(l));
        for (const auto &l : state->provider.locationsOf(QStringLiteral("ProvisioningServices")))
            dps.insert(normalized(l));
        QList<Arm::Location> result;
        for (const auto &l : std::as_const(state->locations)) {
            const QString byDisplay = normalized(l.displayName), byName = normalized(l.name);
            if ((hubs.contains(byDisplay) || hubs.contains(byName))
                && (dps.contains(byDisplay) || dps.contains(byName)))
                result.append(l);
        }
        std::sort(result.begin(), result.end(), [](const Arm::Location &a, const Arm::Location &b) {
            return a.displayName.localeAwareCompare(b.displayName) < 0;
        });
        call->complete(QVariant::fromValue(result));
    };
    QObject::connect(locations, &ArmPager::finished, call, [state, combine](const QJsonArray &items) {
        state->locations = parseAll<Arm::Location>(items);
        combine();
    });
    if (provider) {
        QObject::connect(provider, &ArmReply::finished, call, [state, combine](const ArmResponse &r) {
            state->provider = Arm::ProviderState::fromJson(r.body);
            combine();
        });
        QObject::connect(provider, &ArmReply::failed, call, [call](const ArmError &e) { call->fail(e); });
    }
    QObject::connect(locations, &ArmPager::failed, call, [call](const ArmError &e) {
        call->fail(e);
    });
    return call;
}

ServiceCall *AzureService::listResourceGroups(const QString &subscriptionId, const QString &tenantId)
{
    return fromPager<Arm::ResourceGroup>(this,
        m_client->list(QStringLiteral("/subscriptions/%1/resourcegroups").arg(subscriptionId),
                       kResourcesApiVersion,
                       tenantId));
}

ServiceCall *AzureService::getResourceGroup(const QString &subscriptionId,
                                            const QString &name,
                                            const QString &tenantId)
{
    return fromReply(this, m_client->get(ResourceId::resourceGroupPath(subscriptionId, name),
                                   kResourcesApiVersion,
                                   tenantId),
                     [](const ArmResponse &r) {
                         return QVariant::fromValue(Arm::ResourceGroup::fromJson(r.body));
                     });
}

ServiceCall *AzureService::createResourceGroup(const QString &subscriptionId,
                                               const QString &name,
                                               const QString &location,
                                               const QString &tenantId)
{
    // Not an LRO: 201 created, 200 existed (azure-arm.md 4).
    const QJsonObject body{{QStringLiteral("location"), location}};
    return fromReply(this, m_client->put(ResourceId::resourceGroupPath(subscriptionId, name),
                                   kResourcesApiVersion,
                                   body,
                                   tenantId),
                     [](const ArmResponse &r) {
                         return QVariant::fromValue(Arm::ResourceGroup::fromJson(r.body));
                     });
}

ServiceCall *AzureService::providerState(const QString &subscriptionId, const QString &tenantId)
{
    return fromReply(this, m_client->get(devicesProviderPath(subscriptionId),
                                   kResourcesApiVersion,
                                   tenantId),
                     [](const ArmResponse &r) {
                         return QVariant::fromValue(Arm::ProviderState::fromJson(r.body));
                     });
}

ServiceCall *AzureService::registerDevicesProvider(const QString &subscriptionId,
                                                   const QString &tenantId)
{
    // POST register answers at once (typically "Registering"); then GET the provider until it says
    // Registered, which can take minutes in Azure (azure-arm.md 4).
    auto *call = new ServiceCall(this);
    ArmReply *reply = m_client->post(devicesProviderPath(subscriptionId)
                                         + QStringLiteral("/register"),
                                     kResourcesApiVersion,
                                     {},
                                     tenantId);
    cancelWith(call->cancellation(), reply);
    QPointer<AzureService> self(this);
    const qint64 deadline = m_client->clock()->nowMs() + kProviderRegistrationBoundMs;
    QObject::connect(reply,
                     &ArmReply::finished,
                     call,
                     [self, call, subscriptionId, tenantId, deadline](const ArmResponse &r) {
                         const auto state = Arm::ProviderState::fromJson(r.body);
                         if (state.isRegistered())
                             call->complete(QVariant::fromValue(state));
                         else if (self)
                             self->pollProvider(call, subscriptionId, tenantId, deadline);
                         else
                             call->fail(ArmError::cancelled());
                     });
    QObject::connect(reply, &ArmReply::failed, call, [call](const ArmError &e) { call->fail(e); });
    return call;
}

void AzureService::pollProvider(QPointer<ServiceCall> call,
                                QString subscriptionId,
                                QString tenantId,
                                qint64 deadlineMs)
{
    if (!call || call->cancellation()->isCancelled())
        return;
    if (m_client->clock()->nowMs() >= deadlineMs) {
        ArmError e;
        e.kind = ArmError::Kind::Timeout;
        e.code = QStringLiteral("ProviderRegistrationTimeout");
        e.message = QStringLiteral("Microsoft.Devices was still not registered after %1 minutes.")
                        .arg(kProviderRegistrationBoundMs / 60000);
        e.subscriptionId = subscriptionId;
        call->fail(e);
        return;
    }
    const qint64 elapsed = m_client->clock()->nowMs() - (deadlineMs - kProviderRegistrationBoundMs);
    const int interval = m_providerPollMs > 0 ? m_providerPollMs : elapsed < 10000 ? 250 : elapsed < 60000 ? 1000 : 3000;
    QPointer<AzureService> self(this);
    m_client->clock()
        ->callLater(interval, call, [self, call, subscriptionId, tenantId, deadlineMs] {
            if (!call || !self || call->cancellation()->isCancelled())
                return;
            ArmReply *reply = self->m_client->get(devicesProviderPath(subscriptionId),
                                                  kResourcesApiVersion,
                                                  tenantId);
            cancelWith(call->cancellation(), reply);
            QObject::connect(reply,
                             &ArmReply::finished,
                             call,
                             [self, call, subscriptionId, tenantId, deadlineMs](
                                 const ArmResponse &r) {
                                 const auto state = Arm::ProviderState::fromJson(r.body);
                                 if (state.isRegistered())
                                     call->complete(QVariant::fromValue(state));
                                 else if (self)
                                     self->pollProvider(call, subscriptionId, tenantId, deadlineMs);
                             });
            QObject::connect(reply, &ArmReply::failed, call, [call](const ArmError &e) {
                call->fail(e);
            });
        });
}

ServiceCall *AzureService::checkDpsName(const QString &subscriptionId,
                                        const QString &name,
                                        const QString &tenantId)
{
    return fromReply(this, m_client->post(devicesProviderPath(subscriptionId)
                                        + QStringLiteral(
                                            "/checkProvisioningServiceNameAvailability"),
                                    kDpsApiVersion,
                                    QJsonObject{{QStringLiteral("name"), name}},
                                    tenantId),
                     [](const ArmResponse &r) {
                         return QVariant::fromValue(Arm::NameAvailability::fromJson(r.body));
                     });
}

ServiceCall *AzureService::checkHubName(const QString &subscriptionId,
                                        const QString &name,
                                        const QString &tenantId)
{
    return fromReply(this, m_client->post(devicesProviderPath(subscriptionId)
                                        + QStringLiteral("/checkNameAvailability"),
                                    kHubApiVersion,
                                    QJsonObject{{QStringLiteral("name"), name}},
                                    tenantId),
                     [](const ArmResponse &r) {
                         return QVariant::fromValue(Arm::NameAvailability::fromJson(r.body));
                     });
}

ServiceCall *AzureService::getDps(const ResourceRef &dps)
{
    return fromReply(this, m_client->get(dpsPath(dps), kDpsApiVersion, dps.tenantId),
                     [](const ArmResponse &r) {
                         return QVariant::fromValue(Arm::ProvisioningService::fromJson(r.body));
                     });
}

ServiceCall *AzureService::getHub(const ResourceRef &hub)
{
    return fromReply(this, m_client->get(hubPath(hub), kHubApiVersion, hub.tenantId),
                     [](const ArmResponse &r) {
                         return QVariant::fromValue(Arm::IotHub::fromJson(r.body));
                     });
}

ServiceCall *AzureService::listDps(const QString &subscriptionId,
                                   const QString &resourceGroup,
                                   const QString &tenantId)
{
    const QString scope = resourceGroup.isEmpty()
                              ? QStringLiteral("/subscriptions/%1").arg(subscriptionId)
                              : ResourceId::resourceGroupPath(subscriptionId, resourceGroup);
    return fromPager<Arm::ProvisioningService>(this,
        m_client->list(scope + QStringLiteral("/providers/Microsoft.Devices/provisioningServices"),
                       kDpsApiVersion,
                       tenantId));
}

ServiceCall *AzureService::listHubs(const QString &subscriptionId,
                                    const QString &resourceGroup,
                                    const QString &tenantId)
{
    const QString scope = resourceGroup.isEmpty()
                              ? QStringLiteral("/subscriptions/%1").arg(subscriptionId)
                              : ResourceId::resourceGroupPath(subscriptionId, resourceGroup);
    return fromPager<Arm::IotHub>(this,
        m_client->list(scope + QStringLiteral("/providers/Microsoft.Devices/IotHubs"),
                       kHubApiVersion,
                       tenantId));
}

ServiceCall *AzureService::listHubPolicies(const ResourceRef &hub)
{
    return fromPager<Arm::AccessPolicy>(this, m_client->list(hubPath(hub) + QStringLiteral("/listkeys"),
                                                       kHubApiVersion,
                                                       hub.tenantId,
                                                       "POST"));
}

ServiceCall *AzureService::hubPolicy(const ResourceRef &hub, const QString &keyName)
{
    return fromReply(this, m_client->post(hubPath(hub)
                                        + QStringLiteral("/IotHubKeys/%1/listkeys").arg(keyName),
                                    kHubApiVersion,
                                    {},
                                    hub.tenantId),
                     [](const ArmResponse &r) {
                         return QVariant::fromValue(Arm::AccessPolicy::fromJson(r.body));
                     });
}

ServiceCall *AzureService::listDpsPolicies(const ResourceRef &dps)
{
    return fromPager<Arm::AccessPolicy>(this, m_client->list(dpsPath(dps) + QStringLiteral("/listkeys"),
                                                       kDpsApiVersion,
                                                       dps.tenantId,
                                                       "POST"));
}

ArmOperation *AzureService::createDps(const ResourceRef &dps, const QString &location, qint64 units,
                                      const QString &allocationPolicy)
{
    // DPSCreate example, azure-arm.md 2.4; the allocation policy is a property of the same body.
    QJsonObject props{{QStringLiteral("enableDataResidency"), false}};
    if (!allocationPolicy.isEmpty())
        props.insert(QStringLiteral("allocationPolicy"), allocationPolicy);
    const QJsonObject body{{QStringLiteral("location"), location},
                           {QStringLiteral("sku"),
                            QJsonObject{{QStringLiteral("name"), QStringLiteral("S1")},
                                        {QStringLiteral("capacity"), double(units)}}},
                           {QStringLiteral("properties"), props},
                           {QStringLiteral("tags"), QJsonObject()}};
    return m_client->beginPut(dpsPath(dps), kDpsApiVersion, body, dps.tenantId);
}

ArmOperation *AzureService::createHub(const ResourceRef &hub,
                                      const QString &location,
                                      const QString &sku,
                                      qint64 units,
                                      int partitions)
{
    // What the CLI sends, trimmed (azure-arm.md 3.1). Free hubs have exactly 2 partitions.
    const bool free = sku.compare(QLatin1String("F1"), Qt::CaseInsensitive) == 0;
    const QJsonObject events{{QStringLiteral("retentionTimeInDays"), 1},
                             {QStringLiteral("partitionCount"), free ? 2 : partitions}};
    const QJsonObject body{{QStringLiteral("location"), location},
                           {QStringLiteral("sku"),
                            QJsonObject{{QStringLiteral("name"), sku.toUpper()},
                                        {QStringLiteral("capacity"), double(units)}}},
                           {QStringLiteral("properties"),
                            QJsonObject{{QStringLiteral("eventHubEndpoints"),
                                         QJsonObject{{QStringLiteral("events"), events}}}}},
                           {QStringLiteral("tags"), QJsonObject()}};
    return m_client->beginPut(hubPath(hub), kHubApiVersion, body, hub.tenantId);
}

ArmOperation *AzureService::ensureHubPolicy(const ResourceRef &hub, const QString &keyName, const KnownState &known)
{
    auto *op = new ArmOperation(this);
    static const QRegularExpression validName(QStringLiteral("^[A-Za-z0-9!#$%()*+,.:;=?@_{}~-]{1,64}$"));
    if (!validName.match(keyName).hasMatch()) {
        op->fail(ArmError::validation(QStringLiteral("InvalidPolicyName"),
                                      tr("\"%1\" is not a valid access policy name: use 1 to 64 letters, digits, hyphens, "
                                         "underscores or periods.")
                                          .arg(keyName)));
        return op;
    }
    QPointer<AzureService> self(this);
    then<Arm::IotHub>(hubOrKnown(hub, known), op, [self, op, hub, keyName](const Arm::IotHub &h) {
        if (!self)
            return op->fail(ArmError::cancelled());
        then<QList<Arm::AccessPolicy>>(self->listHubPolicies(hub), op, [self, op, hub, keyName, h](QList<Arm::AccessPolicy> policies) {
            if (!self)
                return op->fail(ArmError::cancelled());
            QJsonArray list;
            for (Arm::AccessPolicy &p : policies) {
                if (p.keyName.compare(keyName, Qt::CaseInsensitive) == 0) {
                    for (auto &q : policies) {
                        q.primaryKey.clear();
                        q.secondaryKey.clear();
                    }
                    if (p.canLinkToDps())
                        return op->complete(h.raw);
                    return op->fail(ArmError::validation(
                        QStringLiteral("PolicyMissingRights"),
                        tr("The IoT hub \"%1\" already has a policy \"%2\" with the rights \"%3\"; linking needs "
                           "RegistryWrite and ServiceConnect. Choose another name for the new policy.")
                            .arg(h.name, p.keyName, p.rights)));
                }
                list.append(QJsonObject{{QStringLiteral("keyName"), p.keyName},
                                        {QStringLiteral("primaryKey"), p.primaryKey},
                                        {QStringLiteral("secondaryKey"), p.secondaryKey},
                                        {QStringLiteral("rights"), p.rights}});
                p.primaryKey.clear();
                p.secondaryKey.clear();
            }
            list.append(QJsonObject{{QStringLiteral("keyName"), keyName},
                                    {QStringLiteral("rights"), QStringLiteral("RegistryWrite, ServiceConnect")}});
            QJsonObject body = h.raw;
            QJsonObject props = body.value(QLatin1String("properties")).toObject();
            props.insert(QStringLiteral("authorizationPolicies"), list);
            body.insert(QStringLiteral("properties"), props);
            forward(self->m_client->beginPut(hubPath(hub), kHubApiVersion, body, hub.tenantId, h.etag), op);
        });
    });
    return op;
}

ArmOperation *AzureService::deleteDps(const ResourceRef &dps)
{
    return m_client->beginDelete(dpsPath(dps), kDpsApiVersion, dps.tenantId);
}

ArmOperation *AzureService::deleteHub(const ResourceRef &hub)
{
    return m_client->beginDelete(hubPath(hub), kHubApiVersion, hub.tenantId);
}

ArmError AzureService::invalidAllocationPolicy(const QString &policy)
{
    return ArmError::validation(QStringLiteral("InvalidAllocationPolicy"),
                                tr("\"%1\" is not an allocation policy. Choose Hashed (evenly weighted), GeoLatency (lowest latency) "
                                   "or Static.")
                                    .arg(policy));
}

// Why the hub `h` cannot be linked to a DPS, or nothing when it can.
std::optional<ArmError> AzureService::hubCannotBeLinked(const Arm::IotHub &h)
{
    if (!h.isActive())
        return ArmError::validation(QStringLiteral("HubNotActive"),
                                    tr("The IoT hub \"%1\" is not ready (state %2, provisioning %3). Wait until it is active, then link it.")
                                        .arg(h.name, h.state.isEmpty() ? QStringLiteral("-") : h.state, h.provisioningState));
    if (h.disableLocalAuth)
        return ArmError::validation(QStringLiteral("HubLocalAuthDisabled"),
                                    tr("The IoT hub \"%1\" does not allow shared access policies (local authentication is disabled), "
                                       "which linking needs. Allow them on the hub, or choose another hub.")
                                        .arg(h.name));
    if (h.hostName.isEmpty())
        return ArmError::protocol(QStringLiteral("the IoT hub has no host name"));
    return std::nullopt;
}

// The DPS's entry for the hub `h` with the policy `key` (its key goes into the entry's connection string
// only and is cleared from `key`), or why that policy cannot link the hub.
std::variant<QJsonObject, ArmError> AzureService::linkedHubEntry(const Arm::IotHub &h, Arm::AccessPolicy &key, const LinkOptions &options)
{
    if (!key.canLinkToDps())
        return ArmError::validation(QStringLiteral("PolicyMissingRights"),
                                    tr("The access policy \"%1\" of IoT hub \"%2\" has the rights \"%3\"; linking needs RegistryWrite "
                                       "and ServiceConnect. Choose another policy, such as iothubowner.")
                                        .arg(key.keyName, h.name, key.rights));
    if (key.primaryKey.isEmpty())
        return ArmError::protocol(QStringLiteral("the access policy came without a key"));
    Arm::LinkedHub link;
    link.connectionString = Arm::hubConnectionString(h.hostName, key);
    link.location = h.location;
    link.allocationWeight = options.allocationWeight;
    link.applyAllocationPolicy = options.applyAllocationPolicy;
    key.primaryKey.clear();
    key.secondaryKey.clear();
    return link.toJson();
}

ArmOperation *AzureService::linkHub(const ResourceRef &dps,
                                    const ResourceRef &hub,
                                    const LinkOptions &options,
                                    const KnownState &known)
{
    auto *op = new ArmOperation(this);
    if (options.allocationWeight < 0 || options.allocationWeight > 1000) {
        op->fail(ArmError::validation(
            QStringLiteral("InvalidAllocationWeight"),
            tr("The allocation weight must be a whole number from 0 to 1000.")));
        return op;
    }
    QPointer<AzureService> self(this);
    // 1. The hub, read with its own tenant's token (it may live in another subscription and tenant).
    then<Arm::IotHub>(hubOrKnown(hub, known), op, [self, op, dps, hub, options, known](const Arm::IotHub &h) {
        if (!self)
            return op->fail(ArmError::cancelled());
        if (const auto why = hubCannotBeLinked(h))
            return op->fail(*why);
        // 2. The DPS: is this hub linked already? (Checked before the key is fetched and before any write.)
        then<Arm::ProvisioningService>(
            self->dpsOrKnown(dps, known),
            op,
            [self, op, dps, hub, options, h](const Arm::ProvisioningService &d) {
                if (!self)
                    return op->fail(ArmError::cancelled());
                for (const auto &linked : d.linkedHubs) {
                    if (linked.hostName.compare(h.hostName, Qt::CaseInsensitive) == 0)
                        return op->fail(
                            ArmError::validation(QStringLiteral("HubAlreadyLinked"),
                                                 tr("The IoT hub \"%1\" is already linked to the "
                                                    "provisioning service \"%2\".")
                                                     .arg(h.hostName, d.name)));
                }
                // 3. The policy's key, from the hub's subscription and tenant.
                then<Arm::AccessPolicy>(
                    self->hubPolicy(hub, options.accessPolicy),
                    op,
                    [self, op, dps, options, h, d](Arm::AccessPolicy policy) {
                        if (!self)
                            return op->fail(ArmError::cancelled());
                        const auto entry = linkedHubEntry(h, policy, options);
                        if (const auto *why = std::get_if<ArmError>(&entry))
                            return op->fail(*why);
                        // 4. Append the hub and PUT the whole DPS (azure-arm.md 2.4, 2.5). The key lives only in this body.
                        QJsonObject body = dpsPutBody(d.raw);
                        QJsonObject props = body.value(QLatin1String("properties")).toObject();
                        QJsonArray hubs = props.value(QLatin1String("iotHubs")).toArray();
                        hubs.append(std::get<QJsonObject>(entry));
                        props.insert(QStringLiteral("iotHubs"), hubs);
                        body.insert(QStringLiteral("properties"), props);
                        forward(self->m_client->beginPut(dpsPath(dps), kDpsApiVersion, body, dps.tenantId), op);
                    });
            });
    });
    return op;
}

ArmOperation *AzureService::configureDps(const ResourceRef &dps,
                                         const ResourceRef &hub,
                                         const LinkOptions &link,
                                         const QString &allocationPolicy,
                                         const KnownState &known)
{
    auto *op = new ArmOperation(this);
    if (link.allocationWeight < 0 || link.allocationWeight > 1000) {
        op->fail(ArmError::validation(QStringLiteral("InvalidAllocationWeight"),
                                      tr("The allocation weight must be a whole number from 0 to 1000.")));
        return op;
    }
    const QString policy = Arm::canonicalAllocationPolicy(allocationPolicy);
    if (!allocationPolicy.isEmpty() && policy.isEmpty()) {
        op->fail(invalidAllocationPolicy(allocationPolicy));
        return op;
    }
    QPointer<AzureService> self(this);
    // Sends the edited DPS, or nothing when it is already as wanted.
    auto send = [self, op, dps](const Arm::ProvisioningService &d, const QJsonObject &body, bool changed) {
        if (!changed)
            return op->complete(d.raw);
        forward(self->m_client->beginPut(dpsPath(dps), kDpsApiVersion, body, dps.tenantId), op);
    };
    then<Arm::IotHub>(hubOrKnown(hub, known), op, [self, op, dps, hub, link, policy, known, send](const Arm::IotHub &h) {
        if (!self)
            return op->fail(ArmError::cancelled());
        if (const auto why = hubCannotBeLinked(h))
            return op->fail(*why);
        then<Arm::ProvisioningService>(self->dpsOrKnown(dps, known), op, [self, op, hub, link, policy, h, send](const Arm::ProvisioningService &d) {
            if (!self)
                return op->fail(ArmError::cancelled());
            QJsonObject body = dpsPutBody(d.raw);
            QJsonObject props = body.value(QLatin1String("properties")).toObject();
            bool changed = false;
            if (!policy.isEmpty() && d.allocationPolicy != policy) {
                props.insert(QStringLiteral("allocationPolicy"), policy);
                changed = true;
            }
            QJsonArray hubs = props.value(QLatin1String("iotHubs")).toArray();
            for (int i = 0; i < hubs.size(); ++i) {
                QJsonObject entry = hubs.at(i).toObject();
                if (linkedHostName(entry).compare(h.hostName, Qt::CaseInsensitive) != 0)
                    continue;
                if (link.replaceKey) {
                    hubs.removeAt(i); // linked anew below, with the hub's key
                    break;
                }
                // Linked already: its weight and apply flag as wanted, its key as it is.
                if (entry.value(QLatin1String("allocationWeight")).toInt(1) != link.allocationWeight
                    || entry.value(QLatin1String("applyAllocationPolicy")).toBool(true) != link.applyAllocationPolicy) {
                    entry.insert(QStringLiteral("allocationWeight"), link.allocationWeight);
                    entry.insert(QStringLiteral("applyAllocationPolicy"), link.applyAllocationPolicy);
                    hubs.replace(i, entry);
                    props.insert(QStringLiteral("iotHubs"), hubs);
                    changed = true;
                }
                body.insert(QStringLiteral("properties"), props);
                return send(d, body, changed);
            }
            // Not linked: the policy's key, from the hub's subscription and tenant, into this body only.
            then<Arm::AccessPolicy>(self->hubPolicy(hub, link.accessPolicy), op, [op, link, h, d, body, props, hubs, send](Arm::AccessPolicy key) {
                const auto entry = linkedHubEntry(h, key, link);
                if (const auto *why = std::get_if<ArmError>(&entry))
                    return op->fail(*why);
                QJsonArray linked = hubs;
                linked.append(std::get<QJsonObject>(entry));
                QJsonObject newProps = props;
                newProps.insert(QStringLiteral("iotHubs"), linked);
                QJsonObject newBody = body;
                newBody.insert(QStringLiteral("properties"), newProps);
                send(d, newBody, true);
            });
        });
    });
    return op;
}

// GET DPS -> edit(dps, properties) -> PUT DPS -> LRO; or no PUT if the edit changed nothing.
ServiceCall *AzureService::dpsOrKnown(const ResourceRef &dps, const KnownState &known)
{
    if (!known.dps)
        return getDps(dps);
    auto *call = new ServiceCall(this);
    const QVariant value = QVariant::fromValue(*known.dps);
    QMetaObject::invokeMethod(call, [call, value] { call->complete(value); }, Qt::QueuedConnection);
    return call;
}

ServiceCall *AzureService::hubOrKnown(const ResourceRef &hub, const KnownState &known)
{
    if (!known.hub)
        return getHub(hub);
    auto *call = new ServiceCall(this);
    const QVariant value = QVariant::fromValue(*known.hub);
    QMetaObject::invokeMethod(call, [call, value] { call->complete(value); }, Qt::QueuedConnection);
    return call;
}

template<typename Edit>
ArmOperation *AzureService::editDps(const ResourceRef &dps, const KnownState &known, Edit edit)
{
    auto *op = new ArmOperation(this);
    QPointer<AzureService> self(this);
    then<Arm::ProvisioningService>(
        dpsOrKnown(dps, known), op, [self, op, dps, edit](const Arm::ProvisioningService &d) {
            if (!self)
                return op->fail(ArmError::cancelled());
            QJsonObject body = dpsPutBody(d.raw);
            QJsonObject props = body.value(QLatin1String("properties")).toObject();
            const DpsEdit result = edit(d, props);
            if (result.error)
                return op->fail(*result.error);
            if (!result.changed)
                return op->complete(d.raw);
            body.insert(QStringLiteral("properties"), props);
            forward(self->m_client->beginPut(dpsPath(dps), kDpsApiVersion, body, dps.tenantId), op);
        });
    return op;
}

ArmOperation *AzureService::updateLinkedHub(const ResourceRef &dps,
                                            const QString &hubHostName,
                                            int allocationWeight,
                                            bool applyAllocationPolicy,
                                            const KnownState &known)
{
    if (allocationWeight < 0 || allocationWeight > 1000) {
        auto *op = new ArmOperation(this);
        op->fail(ArmError::validation(
            QStringLiteral("InvalidAllocationWeight"),
            tr("The allocation weight must be a whole number from 0 to 1000.")));
        return op;
    }
    return editDps(dps,
                   known,
                   [hubHostName,
                    allocationWeight,
                    applyAllocationPolicy](const Arm::ProvisioningService &d, QJsonObject &props) {
                       QJsonArray hubs = props.value(QLatin1String("iotHubs")).toArray();
                       for (int i = 0; i < hubs.size(); ++i) {
                           QJsonObject entry = hubs.at(i).toObject();
                           if (linkedHostName(entry).compare(hubHostName, Qt::CaseInsensitive) != 0)
                               continue;
                           entry.insert(QStringLiteral("allocationWeight"), allocationWeight);
                           entry.insert(QStringLiteral("applyAllocationPolicy"),
                                        applyAllocationPolicy);
                           hubs.replace(i, entry);
                           props.insert(QStringLiteral("iotHubs"), hubs);
                           return DpsEdit{};
                       }
                       return DpsEdit{false,
                                      ArmError::validation(QStringLiteral("LinkedHubNotFound"),
                                                           tr("The IoT hub \"%1\" is not linked to "
                                                              "the provisioning service \"%2\".")
                                                               .arg(hubHostName, d.name))};
                   });
}

ArmOperation *AzureService::unlinkHub(const ResourceRef &dps, const QString &hubHostName, const KnownState &known)
{
    return editDps(dps, known, [hubHostName](const Arm::ProvisioningService &, QJsonObject &props) {
        const QJsonArray hubs = props.value(QLatin1String("iotHubs")).toArray();
        QJsonArray kept;
        for (const auto &v : hubs) {
            if (linkedHostName(v.toObject()).compare(hubHostName, Qt::CaseInsensitive) != 0)
                kept.append(v);
        }
        if (kept.size() == hubs.size())
            return DpsEdit{false, std::nullopt};
        props.insert(QStringLiteral("iotHubs"), kept);
        return DpsEdit{};
    });
}

ArmOperation *AzureService::setAllocationPolicy(const ResourceRef &dps, const QString &policy, const KnownState &known)
{
    const QString canonical = Arm::canonicalAllocationPolicy(policy);
    if (canonical.isEmpty()) {
        auto *op = new ArmOperation(this);
        op->fail(invalidAllocationPolicy(policy));
        return op;
    }
    return editDps(dps, known, [canonical](const Arm::ProvisioningService &d, QJsonObject &props) {
        if (d.allocationPolicy == canonical)
            return DpsEdit{false, std::nullopt};
        props.insert(QStringLiteral("allocationPolicy"), canonical);
        return DpsEdit{};
    });
}

} // namespace Dps::Services
