// Microsoft.Resources: tenants, subscriptions, locations, providers and resource groups
// (SUB-SPEC 2022-12-01 and RES-SPEC 2021-04-01; azure-arm.md section 4).
#include "ArmSupport.h"
#include "DevicesModel.h"
#include "Sandbox.h"

#include <QJsonArray>
#include <QRegularExpression>

namespace Dps::Sandbox {

namespace {

void armRoute(Sandbox &sandbox, const char *method, const QString &pattern, const QString &operationId,
              const QStringList &versions, const QString &family, Handler handler)
{
    Route r;
    r.method = method;
    r.pattern = pattern.split(QLatin1Char('/'), Qt::SkipEmptyParts);
    r.kind = RouteKind::Arm;
    r.operationId = operationId;
    r.apiVersions = versions;
    r.apiFamily = family;
    r.handler = std::move(handler);
    sandbox.addRoute(std::move(r));
}

QJsonObject tenantJson(const Tenant &t, bool home)
{
    QJsonObject o{{QStringLiteral("id"), QStringLiteral("/tenants/") + t.tenantId},
                  {QStringLiteral("tenantId"), t.tenantId},
                  {QStringLiteral("countryCode"), t.countryCode},
                  {QStringLiteral("displayName"), t.displayName},
                  {QStringLiteral("domains"), QJsonArray{t.defaultDomain}},
                  {QStringLiteral("defaultDomain"), t.defaultDomain},
                  {QStringLiteral("tenantType"), QStringLiteral("AAD")}};
    o.insert(QStringLiteral("tenantCategory"), home ? QStringLiteral("Home") : QStringLiteral("ProjectedBy"));
    return o;
}

QJsonObject subscriptionJson(const Subscription &s)
{
    return QJsonObject{{QStringLiteral("id"), QStringLiteral("/subscriptions/") + s.subscriptionId},
                       {QStringLiteral("authorizationSource"), QStringLiteral("RoleBased")},
                       {QStringLiteral("managedByTenants"), QJsonArray()},
                       {QStringLiteral("subscriptionId"), s.subscriptionId},
                       {QStringLiteral("tenantId"), s.tenantId},
                       {QStringLiteral("displayName"), s.displayName},
                       {QStringLiteral("state"), s.state},
                       {QStringLiteral("subscriptionPolicies"),
                        QJsonObject{{QStringLiteral("locationPlacementId"), QStringLiteral("Public_2014-09-01")},
                                    {QStringLiteral("quotaId"), QStringLiteral("PayAsYouGo_2014-09-01")},
                                    {QStringLiteral("spendingLimit"), QStringLiteral("Off")}}},
                       {QStringLiteral("tags"), QJsonObject()}};
}

QJsonObject locationJson(const QString &subscriptionId, const Arm::Region &r)
{
    const Arm::Region *paired = Arm::findRegion(r.pairedRegion);
    QJsonArray pairs;
    if (paired || !r.pairedRegion.isEmpty()) {
        pairs.append(QJsonObject{{QStringLiteral("name"), r.pairedRegion},
                                 {QStringLiteral("id"), QStringLiteral("/subscriptions/%1/locations/%2").arg(subscriptionId, r.pairedRegion)},
                                 {QStringLiteral("subscriptionId"), subscriptionId}});
    }
    return QJsonObject{{QStringLiteral("id"), QStringLiteral("/subscriptions/%1/locations/%2").arg(subscriptionId, r.name)},
                       {QStringLiteral("subscriptionId"), subscriptionId},
                       {QStringLiteral("name"), r.name},
                       {QStringLiteral("type"), QStringLiteral("Region")},
                       {QStringLiteral("displayName"), r.displayName},
                       {QStringLiteral("regionalDisplayName"), QStringLiteral("(%1) %2").arg(r.geographyGroup, r.displayName)},
                       {QStringLiteral("metadata"),
                        QJsonObject{{QStringLiteral("regionType"), QStringLiteral("Physical")},
                                    {QStringLiteral("regionCategory"), QStringLiteral("Recommended")},
                                    {QStringLiteral("geography"), r.geography},
                                    {QStringLiteral("geographyGroup"), r.geographyGroup},
                                    {QStringLiteral("longitude"), r.longitude},
                                    {QStringLiteral("latitude"), r.latitude},
                                    {QStringLiteral("physicalLocation"), r.physicalLocation},
                                    {QStringLiteral("pairedRegion"), pairs}}}};
}

// The providers the sandbox knows, with the resource types each offers.
struct ProviderInfo
{
    QString ns;
    QList<QPair<QString, bool>> types; // resource type, located (lists regions)
    QStringList apiVersions;
};

const QList<ProviderInfo> &knownProviders()
{
    static const QList<ProviderInfo> p{
        {QStringLiteral("Microsoft.Devices"),
         {{QStringLiteral("IotHubs"), true}, {QStringLiteral("ProvisioningServices"), true},
          {QStringLiteral("checkNameAvailability"), false}, {QStringLiteral("checkProvisioningServiceNameAvailability"), false},
          {QStringLiteral("usages"), false}, {QStringLiteral("operations"), false},
          {QStringLiteral("operationResults"), true}, {QStringLiteral("locations"), false}},
         {}},
        {QStringLiteral("Microsoft.Resources"),
         {{QStringLiteral("resourceGroups"), true}, {QStringLiteral("subscriptions"), false},
          {QStringLiteral("tenants"), false}, {QStringLiteral("providers"), false}, {QStringLiteral("operations"), false}},
         {}},
        {QStringLiteral("Microsoft.EventHub"), {{QStringLiteral("namespaces"), true}}, {QStringLiteral("2024-01-01")}},
        {QStringLiteral("Microsoft.Storage"), {{QStringLiteral("storageAccounts"), true}}, {QStringLiteral("2023-05-01")}},
    };
    return p;
}

const ProviderInfo *findProvider(const QString &ns)
{
    for (const auto &p : knownProviders()) {
        if (p.ns.compare(ns, Qt::CaseInsensitive) == 0)
            return &p;
    }
    return nullptr;
}

QJsonObject providerJson(const QString &subscriptionId, const ProviderInfo &info, const QString &state)
{
    QJsonArray locations;
    for (const auto &r : Arm::regions())
        locations.append(r.displayName);
    QJsonArray types;
    for (const auto &t : info.types) {
        QStringList versions = info.apiVersions;
        if (info.ns == QLatin1String("Microsoft.Devices"))
            versions = t.first == QLatin1String("ProvisioningServices") || t.first == QLatin1String("checkProvisioningServiceNameAvailability")
                           ? Arm::dpsApiVersions() : Arm::hubApiVersions();
        else if (info.ns == QLatin1String("Microsoft.Resources"))
            versions = Arm::resourcesApiVersions();
        QStringList sorted = versions;
        std::sort(sorted.begin(), sorted.end(), std::greater<QString>());
        QJsonObject type{{QStringLiteral("resourceType"), t.first},
                         {QStringLiteral("locations"), t.second ? locations : QJsonArray()},
                         {QStringLiteral("apiVersions"), QJsonArray::fromStringList(sorted)}};
        if (t.first == QLatin1String("IotHubs") || t.first == QLatin1String("ProvisioningServices"))
            type.insert(QStringLiteral("capabilities"), QStringLiteral("SystemAssignedResourceIdentity, SupportsTags, SupportsLocation"));
        types.append(type);
    }
    return QJsonObject{{QStringLiteral("id"), QStringLiteral("/subscriptions/%1/providers/%2").arg(subscriptionId, info.ns)},
                       {QStringLiteral("namespace"), info.ns},
                       {QStringLiteral("registrationState"), state},
                       {QStringLiteral("registrationPolicy"), QStringLiteral("RegistrationRequired")},
                       {QStringLiteral("resourceTypes"), types}};
}

QJsonObject resourceGroupJson(const ResourceGroup &g)
{
    QJsonObject o{{QStringLiteral("id"), QStringLiteral("/subscriptions/%1/resourceGroups/%2").arg(g.subscriptionId, g.name)},
                  {QStringLiteral("name"), g.name},
                  {QStringLiteral("type"), QStringLiteral("Microsoft.Resources/resourceGroups")},
                  {QStringLiteral("location"), g.location},
                  {QStringLiteral("properties"), QJsonObject{{QStringLiteral("provisioningState"), g.provisioningState}}}};
    if (!g.tags.isEmpty())
        o.insert(QStringLiteral("tags"), g.tags);
    return o;
}

// ARM's rules for resource group names (azure-arm.md section 4).
bool validResourceGroupName(const QString &name)
{
    static const QRegularExpression re(QStringLiteral("^[-\\w\\._\\(\\)]{1,90}$"),
                                       QRegularExpression::UseUnicodePropertiesOption);
    return re.match(name).hasMatch() && !name.endsWith(QLatin1Char('.'));
}

Response invalidRgName(const QString &name)
{
    return Response::armError(400, QStringLiteral("InvalidResourceGroupName"),
                              QStringLiteral("The provided resource group name '%1' is invalid. Resource group names can only include alphanumeric, underscore, parentheses, hyphen, period (except at end), and Unicode characters that match the allowed characters, and can be 1 to 90 characters long.")
                                  .arg(name.left(100)));
}

QString allRegionNames()
{
    QStringList names;
    for (const auto &r : Arm::regions())
        names.append(r.name);
    return names.join(QLatin1Char(','));
}

} // namespace

void registerResourceRoutes(Sandbox &sandbox)
{
    Sandbox *sb = &sandbox;
    const QStringList subVersions = Arm::subscriptionsApiVersions();
    const QStringList resVersions = Arm::resourcesApiVersions();
    const QString subs = QStringLiteral("subscriptions");
    const QString res = QStringLiteral("resources");

    armRoute(sandbox, "GET", QStringLiteral("/tenants"), QStringLiteral("Tenants_List"), subVersions, subs,
             [sb](Request &req) {
                 const Principal *p = sb->world().principal(req.caller.objectId);
                 QJsonArray all;
                 for (const auto &id : p->tenants) {
                     if (const Tenant *t = sb->world().tenant(id))
                         all.append(tenantJson(*t, t->tenantId == p->homeTenantId));
                 }
                 QJsonObject page;
                 if (auto e = Arm::page(*sb, req, all, &page))
                     return *e;
                 if (!page.contains(QStringLiteral("nextLink")))
                     page.insert(QStringLiteral("nextLink"), QString()); // required by the spec's TenantListResult
                 return Response::json(200, page);
             });

    armRoute(sandbox, "GET", QStringLiteral("/subscriptions"), QStringLiteral("Subscriptions_List"), subVersions, subs,
             [sb](Request &req) {
                 const Principal *p = sb->world().principal(req.caller.objectId);
                 QJsonArray all;
                 for (const auto &s : sb->world().subscriptions) {
                     if (s.tenantId.compare(req.caller.tenantId, Qt::CaseInsensitive) == 0
                         && p->subscriptions.contains(s.subscriptionId, Qt::CaseInsensitive))
                         all.append(subscriptionJson(s));
                 }
                 QJsonObject page;
                 if (auto e = Arm::page(*sb, req, all, &page))
                     return *e;
                 if (!page.contains(QStringLiteral("nextLink")))
                     page.insert(QStringLiteral("nextLink"), QString()); // required by the spec's SubscriptionListResult
                 return Response::json(200, page);
             });

    armRoute(sandbox, "GET", QStringLiteral("/subscriptions/{}"), QStringLiteral("Subscriptions_Get"), subVersions, subs,
             [sb](Request &req) {
                 Subscription *s = nullptr;
                 if (auto e = Arm::checkSubscription(*sb, req, req.params[0], QStringLiteral("Microsoft.Resources/subscriptions/read"), &s))
                     return *e;
                 return Response::json(200, subscriptionJson(*s));
             });

    armRoute(sandbox, "GET", QStringLiteral("/subscriptions/{}/locations"), QStringLiteral("Subscriptions_ListLocations"), subVersions, subs,
             [sb](Request &req) {
                 Subscription *s = nullptr;
                 if (auto e = Arm::checkSubscription(*sb, req, req.params[0], QStringLiteral("Microsoft.Resources/subscriptions/locations/read"), &s))
                     return *e;
                 QJsonArray all;
                 for (const auto &r : Arm::regions())
                     all.append(locationJson(s->subscriptionId, r));
                 return Response::json(200, QJsonObject{{QStringLiteral("value"), all}}); // not paged
             });

    // ---- providers ----
    armRoute(sandbox, "GET", QStringLiteral("/subscriptions/{}/providers"), QStringLiteral("Providers_List"), resVersions, res,
             [sb](Request &req) {
                 Subscription *s = nullptr;
                 if (auto e = Arm::checkSubscription(*sb, req, req.params[0], QStringLiteral("Microsoft.Resources/subscriptions/providers/read"), &s))
                     return *e;
                 QJsonArray all;
                 for (const auto &p : knownProviders()) {
                     const QString state = s->providers.value(p.ns.toLower()).state;
                     all.append(providerJson(s->subscriptionId, p, state));
                 }
                 QJsonObject page;
                 if (auto e = Arm::page(*sb, req, all, &page))
                     return *e;
                 return Response::json(200, page);
             });

    armRoute(sandbox, "GET", QStringLiteral("/subscriptions/{}/providers/{}"), QStringLiteral("Providers_Get"), resVersions, res,
             [sb](Request &req) {
                 Subscription *s = nullptr;
                 if (auto e = Arm::checkSubscription(*sb, req, req.params[0], QStringLiteral("Microsoft.Resources/subscriptions/providers/read"), &s))
                     return *e;
                 const ProviderInfo *info = findProvider(req.params[1]);
                 if (!info)
                     return Response::armError(404, QStringLiteral("InvalidResourceNamespace"),
                                               QStringLiteral("The resource namespace '%1' is invalid.").arg(req.params[1].left(100)));
                 return Response::json(200, providerJson(s->subscriptionId, *info, s->providers.value(info->ns.toLower()).state));
             });

    armRoute(sandbox, "POST", QStringLiteral("/subscriptions/{}/providers/{}/register"), QStringLiteral("Providers_Register"), resVersions, res,
             [sb](Request &req) {
                 Subscription *s = nullptr;
                 const ProviderInfo *info = findProvider(req.params[1]);
                 if (auto e = Arm::checkSubscription(*sb, req, req.params[0],
                                                     QStringLiteral("%1/register/action").arg(info ? info->ns : req.params[1].left(100)), &s))
                     return *e;
                 if (!info)
                     return Response::armError(404, QStringLiteral("InvalidResourceNamespace"),
                                               QStringLiteral("The resource namespace '%1' is invalid.").arg(req.params[1].left(100)));
                 ProviderRegistration &reg = s->providers[info->ns.toLower()];
                 if (reg.state != QLatin1String("Registered") && reg.state != QLatin1String("Registering")) {
                     reg.state = QStringLiteral("Registering");
                     reg.readyAtMs = sb->world().nowMs() + sb->options().providerRegisterMs;
                     sb->world().scheduleSettle(reg.readyAtMs);
                     if (sb->options().providerRegisterMs <= 0)
                         reg.state = QStringLiteral("Registered");
                 }
                 return Response::json(200, providerJson(s->subscriptionId, *info, reg.state));
             });

    // ---- resource groups ----
    const QString rgPath = QStringLiteral("/subscriptions/{}/resourcegroups/{}");
    armRoute(sandbox, "HEAD", rgPath, QStringLiteral("ResourceGroups_CheckExistence"), resVersions, res, [sb](Request &req) {
        if (auto e = Arm::checkSubscription(*sb, req, req.params[0], QStringLiteral("Microsoft.Resources/subscriptions/resourceGroups/read"))) {
            // No body on HEAD, but the same headers: a 401's WWW-Authenticate names the tenant to use.
            Response r = Response::empty(e->status);
            for (const auto &h : e->headers) {
                if (h.first.compare("Content-Type", Qt::CaseInsensitive) != 0)
                    r.setHeader(h.first, h.second);
            }
            return r;
        }
        return Response::empty(sb->world().resourceGroup(req.params[0], req.params[1]) ? 204 : 404);
    });

    armRoute(sandbox, "GET", rgPath, QStringLiteral("ResourceGroups_Get"), resVersions, res, [sb](Request &req) {
        if (auto e = Arm::checkSubscription(*sb, req, req.params[0], QStringLiteral("Microsoft.Resources/subscriptions/resourceGroups/read")))
            return *e;
        const ResourceGroup *g = sb->world().resourceGroup(req.params[0], req.params[1]);
        if (!g)
            return Arm::resourceGroupNotFound(req.params[1]);
        return Response::json(200, resourceGroupJson(*g));
    });

    armRoute(sandbox, "PUT", rgPath, QStringLiteral("ResourceGroups_CreateOrUpdate"), resVersions, res, [sb](Request &req) {
        Subscription *s = nullptr;
        if (auto e = Arm::checkSubscription(*sb, req, req.params[0], QStringLiteral("Microsoft.Resources/subscriptions/resourceGroups/write"), &s))
            return *e;
        const QString name = req.params[1];
        if (!validResourceGroupName(name))
            return invalidRgName(name);
        QJsonObject body;
        if (auto e = Arm::parseJsonBody(req, &body))
            return *e;
        const QJsonValue locationValue = body.value(QStringLiteral("location"));
        if (!locationValue.isString() || locationValue.toString().isEmpty())
            return Response::armError(400, QStringLiteral("LocationRequired"),
                                      QStringLiteral("The location property is required for this definition."));
        const Arm::Region *region = Arm::findRegion(locationValue.toString());
        if (!region)
            return Response::armError(400, QStringLiteral("LocationNotAvailableForResourceGroup"),
                                      QStringLiteral("The provided location '%1' is not available for resource group. List of available regions is '%2'.")
                                          .arg(locationValue.toString().left(100), allRegionNames()));
        const QJsonValue tags = body.value(QStringLiteral("tags"));
        if (!tags.isUndefined() && !tags.isNull() && !tags.isObject())
            return Response::armError(400, QStringLiteral("InvalidRequestContent"),
                                      QStringLiteral("The request content was invalid and could not be deserialized: 'tags must be an object of strings'."));
        for (const auto &t : tags.toObject()) {
            if (!t.isString())
                return Response::armError(400, QStringLiteral("InvalidRequestContent"),
                                          QStringLiteral("The request content was invalid and could not be deserialized: 'tag values must be strings'."));
        }
        ResourceGroup *existing = sb->world().resourceGroup(s->subscriptionId, name);
        if (existing) {
            if (existing->provisioningState == QLatin1String("Deleting"))
                return Response::armError(409, QStringLiteral("ResourceGroupBeingDeleted"),
                                          QStringLiteral("The resource group '%1' is in deprovisioning state and cannot perform this operation.").arg(existing->name));
            if (existing->location != region->name)
                return Response::armError(409, QStringLiteral("InvalidResourceGroupLocation"),
                                          QStringLiteral("Invalid resource group location '%1'. The Resource group already exists in location '%2'.")
                                              .arg(region->name, existing->location));
            if (!tags.isUndefined())
                existing->tags = tags.toObject();
            return Response::json(200, resourceGroupJson(*existing));
        }
        ResourceGroup g;
        g.subscriptionId = s->subscriptionId;
        g.name = name;
        g.location = region->name;
        g.tags = tags.toObject();
        sb->world().resourceGroups.insert(World::rgKey(g.subscriptionId, g.name), g);
        return Response::json(201, resourceGroupJson(g));
    });

    armRoute(sandbox, "DELETE", rgPath, QStringLiteral("ResourceGroups_Delete"), resVersions, res, [sb](Request &req) {
        Subscription *s = nullptr;
        if (auto e = Arm::checkSubscription(*sb, req, req.params[0], QStringLiteral("Microsoft.Resources/subscriptions/resourceGroups/delete"), &s))
            return *e;
        ResourceGroup *g = sb->world().resourceGroup(s->subscriptionId, req.params[1]);
        if (!g)
            return Arm::resourceGroupNotFound(req.params[1]);
        Operation op;
        op.id = newGuid();
        op.kind = QStringLiteral("rgdelete");
        op.subscriptionId = s->subscriptionId;
        op.resourceGroup = g->name;
        op.apiVersion = req.apiVersion();
        op.startMs = sb->world().nowMs();
        if (g->provisioningState != QLatin1String("Deleting")) {
            g->provisioningState = QStringLiteral("Deleting");
            g->deleteAtMs = op.startMs + sb->options().lroUpdateMs;
        }
        op.doneAtMs = g->deleteAtMs;
        sb->world().scheduleSettle(op.doneAtMs);
        sb->world().operations.insert(op.id, op);
        Response r = Response::empty(202);
        QUrlQuery q;
        q.addQueryItem(QStringLiteral("api-version"), req.apiVersion());
        r.setHeader("Location", req.absoluteUrl(QStringLiteral("/subscriptions/%1/operationresults/%2").arg(s->subscriptionId, op.id), q)
                                    .toString(QUrl::FullyEncoded).toLatin1());
        r.setHeader("Retry-After", QByteArray::number(std::max(1, sb->options().lroUpdateMs / 1000)));
        return r;
    });

    armRoute(sandbox, "GET", QStringLiteral("/subscriptions/{}/operationresults/{}"), QStringLiteral("ResourceGroups_DeleteStatus"), resVersions, res,
             [sb](Request &req) {
                 if (auto e = Arm::checkSubscription(*sb, req, req.params[0], QStringLiteral("Microsoft.Resources/subscriptions/resourceGroups/read")))
                     return *e;
                 auto it = sb->world().operations.find(req.params[1]);
                 if (it == sb->world().operations.end() || it->kind != QLatin1String("rgdelete")
                     || it->subscriptionId.compare(req.params[0], Qt::CaseInsensitive) != 0)
                     return Response::armError(404, QStringLiteral("OperationNotFound"),
                                               QStringLiteral("The operation '%1' could not be found.").arg(req.params[1].left(100)));
                 if (it->doneAtMs > sb->world().nowMs()) {
                     Response r = Response::empty(202);
                     r.setHeader("Location", req.absoluteUrl(req.path, req.query).toString(QUrl::FullyEncoded).toLatin1());
                     r.setHeader("Retry-After", "1");
                     return r;
                 }
                 return Response::empty(200);
             });

    armRoute(sandbox, "GET", QStringLiteral("/subscriptions/{}/resourcegroups"), QStringLiteral("ResourceGroups_List"), resVersions, res,
             [sb](Request &req) {
                 Subscription *s = nullptr;
                 if (auto e = Arm::checkSubscription(*sb, req, req.params[0], QStringLiteral("Microsoft.Resources/subscriptions/resourceGroups/read"), &s))
                     return *e;
                 QString tagName, tagValue;
                 if (req.hasQuery(QStringLiteral("$filter"))) {
                     static const QRegularExpression filter(
                         QStringLiteral("^\\s*tagName\\s+eq\\s+'([^']*)'(\\s+and\\s+tagValue\\s+eq\\s+'([^']*)')?\\s*$"),
                         QRegularExpression::CaseInsensitiveOption);
                     const auto m = filter.match(req.queryValue(QStringLiteral("$filter")));
                     if (!m.hasMatch())
                         return Response::armError(400, QStringLiteral("InvalidFilterInQueryString"),
                                                   QStringLiteral("Invalid $filter '%1' specified in the query string. Only tagName and tagValue filters are supported.")
                                                       .arg(req.queryValue(QStringLiteral("$filter")).left(200)));
                     tagName = m.captured(1);
                     tagValue = m.captured(3);
                 }
                 QJsonArray all;
                 const QString prefix = s->subscriptionId.toLower() + QLatin1Char('/');
                 for (auto it = sb->world().resourceGroups.lowerBound(prefix); it != sb->world().resourceGroups.end() && it.key().startsWith(prefix); ++it) {
                     if (!tagName.isEmpty()) {
                         if (!it->tags.contains(tagName))
                             continue;
                         if (!tagValue.isEmpty() && it->tags.value(tagName).toString() != tagValue)
                             continue;
                     }
                     all.append(resourceGroupJson(*it));
                 }
                 QJsonObject page;
                 if (auto e = Arm::page(*sb, req, all, &page))
                     return *e;
                 return Response::json(200, page);
             });
}

} // namespace Dps::Sandbox
