#include "World.h"

#include <QDateTime>
#include <QRandomGenerator>
#include <QUuid>

#include <limits>

namespace Dps::Sandbox {

namespace {

QString lower(const QString &s)
{
    return s.toLower();
}

QJsonArray toArray(const QStringList &list)
{
    return QJsonArray::fromStringList(list);
}

QStringList toStringList(const QJsonValue &v)
{
    QStringList out;
    const auto array = v.toArray();
    for (const auto &item : array)
        out.append(item.toString());
    return out;
}

qint64 toInt64(const QJsonValue &v)
{
    return static_cast<qint64>(v.toDouble());
}

} // namespace

QString newGuid()
{
    return QUuid::createUuid().toString(QUuid::WithoutBraces);
}

QString randomKeyBase64(int bytes)
{
    QByteArray raw(bytes, Qt::Uninitialized);
    QRandomGenerator::system()->fillRange(reinterpret_cast<quint32 *>(raw.data()), bytes / 4);
    return QString::fromLatin1(raw.toBase64());
}

QString etagNow()
{
    // ARM etags of Microsoft.Devices look like base64 of an 8-byte counter: "AAAAAAFD6M4=".
    static quint64 counter = quint64(QDateTime::currentMSecsSinceEpoch());
    ++counter;
    QByteArray raw(8, Qt::Uninitialized);
    for (int i = 0; i < 8; ++i)
        raw[7 - i] = char((counter >> (8 * i)) & 0xff);
    return QString::fromLatin1(raw.toBase64());
}

qint64 World::nowMs() const
{
    return QDateTime::currentMSecsSinceEpoch() + clockOffsetMs;
}

QString World::rgKey(const QString &subscriptionId, const QString &resourceGroup)
{
    return lower(subscriptionId) + QLatin1Char('/') + lower(resourceGroup);
}

QString World::resourceKey(const QString &subscriptionId, const QString &resourceGroup,
                           const QString &type, const QString &name)
{
    return rgKey(subscriptionId, resourceGroup) + QLatin1Char('/') + lower(type) + QLatin1Char('/')
           + lower(name);
}

Tenant *World::tenant(const QString &tenantId)
{
    auto it = tenants.find(lower(tenantId));
    return it == tenants.end() ? nullptr : &it.value();
}

Subscription *World::subscription(const QString &subscriptionId)
{
    auto it = subscriptions.find(lower(subscriptionId));
    return it == subscriptions.end() ? nullptr : &it.value();
}

Principal *World::principal(const QString &objectId)
{
    auto it = principals.find(objectId);
    return it == principals.end() ? nullptr : &it.value();
}

Application *World::application(const QString &clientId)
{
    auto it = applications.find(lower(clientId));
    return it == applications.end() ? nullptr : &it.value();
}

Principal *World::servicePrincipalByClientId(const QString &clientId)
{
    for (auto &p : principals) {
        if (p.isServicePrincipal && p.clientId.compare(clientId, Qt::CaseInsensitive) == 0)
            return &p;
    }
    return nullptr;
}

Principal *World::userByName(const QString &username)
{
    for (auto &p : principals) {
        if (!p.isServicePrincipal && p.username.compare(username, Qt::CaseInsensitive) == 0)
            return &p;
    }
    return nullptr;
}

ResourceGroup *World::resourceGroup(const QString &subscriptionId, const QString &name)
{
    auto it = resourceGroups.find(rgKey(subscriptionId, name));
    return it == resourceGroups.end() ? nullptr : &it.value();
}

Resource *World::resource(const QString &subscriptionId, const QString &rg, const QString &type,
                          const QString &name)
{
    auto it = resources.find(resourceKey(subscriptionId, rg, type, name));
    return it == resources.end() ? nullptr : &it.value();
}

Resource *World::resourceByGlobalName(const QString &type, const QString &name)
{
    for (auto &r : resources) {
        if (r.type.compare(type, Qt::CaseInsensitive) == 0
            && r.name.compare(name, Qt::CaseInsensitive) == 0)
            return &r;
    }
    return nullptr;
}

QList<Resource *> World::resourcesOf(const QString &subscriptionId, const QString &rg,
                                     const QString &type)
{
    QList<Resource *> out;
    const QString prefix = rg.isEmpty() ? lower(subscriptionId) + QLatin1Char('/')
                                        : rgKey(subscriptionId, rg) + QLatin1Char('/');
    for (auto it = resources.lowerBound(prefix); it != resources.end(); ++it) {
        if (!it.key().startsWith(prefix))
            break;
        if (it->type.compare(type, Qt::CaseInsensitive) == 0)
            out.append(&it.value());
    }
    return out;
}

bool World::settle()
{
    const qint64 now = nowMs();
    if (now < m_nextSettleAtMs)
        return false;
    bool changed = false;
    qint64 next = std::numeric_limits<qint64>::max();
    for (auto &op : operations) {
        if (op.settled)
            continue;
        if (op.doneAtMs <= now) {
            settleOperation(op);
            changed = true;
        } else {
            next = std::min(next, op.doneAtMs);
        }
    }
    for (auto &sub : subscriptions) {
        for (auto &reg : sub.providers) {
            if (reg.state != QLatin1String("Registering"))
                continue;
            if (reg.readyAtMs <= now) {
                reg.state = QStringLiteral("Registered");
                changed = true;
            } else {
                next = std::min(next, reg.readyAtMs);
            }
        }
    }
    for (auto it = resourceGroups.begin(); it != resourceGroups.end();) {
        if (it->provisioningState != QLatin1String("Deleting")) {
            ++it;
        } else if (it->deleteAtMs <= now) {
            const QString prefix = it.key() + QLatin1Char('/');
            for (auto r = resources.lowerBound(prefix); r != resources.end() && r.key().startsWith(prefix);)
                r = resources.erase(r);
            it = resourceGroups.erase(it);
            changed = true;
        } else {
            next = std::min(next, it->deleteAtMs);
            ++it;
        }
    }
    m_nextSettleAtMs = next;
    return changed;
}

void World::settleOperation(Operation &op)
{
    op.settled = true;
    Resource *r = resource(op.subscriptionId, op.resourceGroup, op.resourceType, op.resourceName);
    if (!r)
        return;
    if (r->activeOperationId == op.id)
        r->activeOperationId.clear();
    const bool isDps = op.resourceType == QLatin1String("ProvisioningServices");
    if (op.kind == QLatin1String("delete")) {
        if (op.outcome == QLatin1String("Succeeded")) {
            resources.remove(resourceKey(op.subscriptionId, op.resourceGroup, op.resourceType,
                                         op.resourceName));
        } else {
            QJsonObject props = r->body.value(QStringLiteral("properties")).toObject();
            props.insert(QStringLiteral("provisioningState"), QStringLiteral("Failed"));
            props.insert(QStringLiteral("state"), isDps ? QStringLiteral("DeletionFailed")
                                                        : QStringLiteral("Active"));
            r->body.insert(QStringLiteral("properties"), props);
        }
        return;
    }
    if (op.outcome == QLatin1String("Succeeded")) {
        QJsonObject props = r->body.value(QStringLiteral("properties")).toObject();
        props.insert(QStringLiteral("provisioningState"), QStringLiteral("Succeeded"));
        props.insert(QStringLiteral("state"), QStringLiteral("Active"));
        r->body.insert(QStringLiteral("properties"), props);
        r->body.insert(QStringLiteral("etag"), etagNow());
    } else if (op.kind == QLatin1String("update") && !op.previousBody.isEmpty()) {
        r->body = op.previousBody;
    } else {
        QJsonObject props = r->body.value(QStringLiteral("properties")).toObject();
        props.insert(QStringLiteral("provisioningState"), QStringLiteral("Failed"));
        props.insert(QStringLiteral("state"), QStringLiteral("ActivationFailed"));
        r->body.insert(QStringLiteral("properties"), props);
    }
}

// ---- serialisation ---------------------------------------------------------------------------

QJsonObject World::toJson() const
{
    QJsonArray ts;
    for (const auto &t : tenants) {
        ts.append(QJsonObject{{QStringLiteral("tenantId"), t.tenantId},
                              {QStringLiteral("displayName"), t.displayName},
                              {QStringLiteral("defaultDomain"), t.defaultDomain},
                              {QStringLiteral("countryCode"), t.countryCode},
                              {QStringLiteral("requireMfa"), t.requireMfa}});
    }
    QJsonArray subs;
    for (const auto &s : subscriptions) {
        QJsonObject providers;
        for (auto it = s.providers.begin(); it != s.providers.end(); ++it) {
            providers.insert(it.key(), QJsonObject{{QStringLiteral("state"), it->state},
                                                   {QStringLiteral("readyAtMs"), double(it->readyAtMs)}});
        }
        subs.append(QJsonObject{{QStringLiteral("subscriptionId"), s.subscriptionId},
                                {QStringLiteral("tenantId"), s.tenantId},
                                {QStringLiteral("displayName"), s.displayName},
                                {QStringLiteral("state"), s.state},
                                {QStringLiteral("providers"), providers}});
    }
    QJsonArray ps;
    for (const auto &p : principals) {
        ps.append(QJsonObject{{QStringLiteral("objectId"), p.objectId},
                              {QStringLiteral("isServicePrincipal"), p.isServicePrincipal},
                              {QStringLiteral("homeTenantId"), p.homeTenantId},
                              {QStringLiteral("username"), p.username},
                              {QStringLiteral("displayName"), p.displayName},
                              {QStringLiteral("clientId"), p.clientId},
                              {QStringLiteral("clientSecret"), p.clientSecret},
                              {QStringLiteral("tenants"), toArray(p.tenants)},
                              {QStringLiteral("subscriptions"), toArray(p.subscriptions)}});
    }
    QJsonArray apps;
    for (const auto &a : applications) {
        apps.append(QJsonObject{{QStringLiteral("clientId"), a.clientId},
                                {QStringLiteral("displayName"), a.displayName},
                                {QStringLiteral("publicClient"), a.publicClient},
                                {QStringLiteral("allowPublicClientFlows"), a.allowPublicClientFlows},
                                {QStringLiteral("redirectUris"), toArray(a.redirectUris)},
                                {QStringLiteral("homeTenantId"), a.homeTenantId}});
    }
    QJsonArray rgs;
    for (const auto &g : resourceGroups) {
        rgs.append(QJsonObject{{QStringLiteral("subscriptionId"), g.subscriptionId},
                               {QStringLiteral("name"), g.name},
                               {QStringLiteral("location"), g.location},
                               {QStringLiteral("tags"), g.tags},
                               {QStringLiteral("provisioningState"), g.provisioningState},
                               {QStringLiteral("deleteAtMs"), double(g.deleteAtMs)}});
    }
    QJsonArray rs;
    for (const auto &r : resources) {
        rs.append(QJsonObject{{QStringLiteral("subscriptionId"), r.subscriptionId},
                              {QStringLiteral("resourceGroup"), r.resourceGroup},
                              {QStringLiteral("type"), r.type},
                              {QStringLiteral("name"), r.name},
                              {QStringLiteral("body"), r.body},
                              {QStringLiteral("keys"), r.keys},
                              {QStringLiteral("activeOperationId"), r.activeOperationId}});
    }
    QJsonArray ops;
    for (const auto &o : operations) {
        ops.append(QJsonObject{{QStringLiteral("id"), o.id},
                               {QStringLiteral("kind"), o.kind},
                               {QStringLiteral("subscriptionId"), o.subscriptionId},
                               {QStringLiteral("resourceGroup"), o.resourceGroup},
                               {QStringLiteral("resourceType"), o.resourceType},
                               {QStringLiteral("resourceName"), o.resourceName},
                               {QStringLiteral("apiVersion"), o.apiVersion},
                               {QStringLiteral("startMs"), double(o.startMs)},
                               {QStringLiteral("doneAtMs"), double(o.doneAtMs)},
                               {QStringLiteral("settled"), o.settled},
                               {QStringLiteral("outcome"), o.outcome},
                               {QStringLiteral("error"), o.error},
                               {QStringLiteral("previousBody"), o.previousBody}});
    }
    QJsonArray codes;
    for (const auto &c : authCodes) {
        codes.append(QJsonObject{{QStringLiteral("code"), c.code},
                                 {QStringLiteral("clientId"), c.clientId},
                                 {QStringLiteral("redirectUri"), c.redirectUri},
                                 {QStringLiteral("codeChallenge"), c.codeChallenge},
                                 {QStringLiteral("codeChallengeMethod"), c.codeChallengeMethod},
                                 {QStringLiteral("scope"), c.scope},
                                 {QStringLiteral("tenant"), c.tenant},
                                 {QStringLiteral("objectId"), c.objectId},
                                 {QStringLiteral("nonce"), c.nonce},
                                 {QStringLiteral("expiresAtMs"), double(c.expiresAtMs)},
                                 {QStringLiteral("redeemed"), c.redeemed}});
    }
    QJsonArray devices;
    for (const auto &d : deviceCodes) {
        devices.append(QJsonObject{{QStringLiteral("deviceCode"), d.deviceCode},
                                   {QStringLiteral("userCode"), d.userCode},
                                   {QStringLiteral("clientId"), d.clientId},
                                   {QStringLiteral("scope"), d.scope},
                                   {QStringLiteral("tenant"), d.tenant},
                                   {QStringLiteral("status"), d.status},
                                   {QStringLiteral("objectId"), d.objectId},
                                   {QStringLiteral("expiresAtMs"), double(d.expiresAtMs)},
                                   {QStringLiteral("lastPollMs"), double(d.lastPollMs)},
                                   {QStringLiteral("intervalSec"), d.intervalSec}});
    }
    QJsonArray rts;
    for (const auto &t : refreshTokens) {
        rts.append(QJsonObject{{QStringLiteral("token"), t.token},
                               {QStringLiteral("objectId"), t.objectId},
                               {QStringLiteral("clientId"), t.clientId},
                               {QStringLiteral("scope"), t.scope},
                               {QStringLiteral("expiresAtMs"), double(t.expiresAtMs)},
                               {QStringLiteral("revoked"), t.revoked},
                               {QStringLiteral("mfaSatisfied"), t.mfaSatisfied}});
    }
    return QJsonObject{{QStringLiteral("format"), 1},
                       {QStringLiteral("tenants"), ts},
                       {QStringLiteral("subscriptions"), subs},
                       {QStringLiteral("principals"), ps},
                       {QStringLiteral("applications"), apps},
                       {QStringLiteral("resourceGroups"), rgs},
                       {QStringLiteral("resources"), rs},
                       {QStringLiteral("operations"), ops},
                       {QStringLiteral("authCodes"), codes},
                       {QStringLiteral("deviceCodes"), devices},
                       {QStringLiteral("refreshTokens"), rts},
                       {QStringLiteral("signingKey"), QString::fromLatin1(signingKey.toBase64())},
                       {QStringLiteral("clockOffsetMs"), double(clockOffsetMs)}};
}

World World::fromJson(const QJsonObject &json, bool *ok)
{
    World w;
    const bool valid = json.value(QStringLiteral("format")).toInt() == 1;
    if (ok)
        *ok = valid;
    if (!valid)
        return w;
    for (const auto &v : json.value(QStringLiteral("tenants")).toArray()) {
        const auto o = v.toObject();
        Tenant t;
        t.tenantId = o.value(QStringLiteral("tenantId")).toString();
        t.displayName = o.value(QStringLiteral("displayName")).toString();
        t.defaultDomain = o.value(QStringLiteral("defaultDomain")).toString();
        t.countryCode = o.value(QStringLiteral("countryCode")).toString();
        t.requireMfa = o.value(QStringLiteral("requireMfa")).toBool();
        w.tenants.insert(lower(t.tenantId), t);
    }
    for (const auto &v : json.value(QStringLiteral("subscriptions")).toArray()) {
        const auto o = v.toObject();
        Subscription s;
        s.subscriptionId = o.value(QStringLiteral("subscriptionId")).toString();
        s.tenantId = o.value(QStringLiteral("tenantId")).toString();
        s.displayName = o.value(QStringLiteral("displayName")).toString();
        s.state = o.value(QStringLiteral("state")).toString();
        const auto providers = o.value(QStringLiteral("providers")).toObject();
        for (auto it = providers.begin(); it != providers.end(); ++it) {
            ProviderRegistration reg;
            reg.state = it->toObject().value(QStringLiteral("state")).toString();
            reg.readyAtMs = toInt64(it->toObject().value(QStringLiteral("readyAtMs")));
            s.providers.insert(it.key(), reg);
        }
        w.subscriptions.insert(lower(s.subscriptionId), s);
    }
    for (const auto &v : json.value(QStringLiteral("principals")).toArray()) {
        const auto o = v.toObject();
        Principal p;
        p.objectId = o.value(QStringLiteral("objectId")).toString();
        p.isServicePrincipal = o.value(QStringLiteral("isServicePrincipal")).toBool();
        p.homeTenantId = o.value(QStringLiteral("homeTenantId")).toString();
        p.username = o.value(QStringLiteral("username")).toString();
        p.displayName = o.value(QStringLiteral("displayName")).toString();
        p.clientId = o.value(QStringLiteral("clientId")).toString();
        p.clientSecret = o.value(QStringLiteral("clientSecret")).toString();
        p.tenants = toStringList(o.value(QStringLiteral("tenants")));
        p.subscriptions = toStringList(o.value(QStringLiteral("subscriptions")));
        w.principals.insert(p.objectId, p);
    }
    for (const auto &v : json.value(QStringLiteral("applications")).toArray()) {
        const auto o = v.toObject();
        Application a;
        a.clientId = o.value(QStringLiteral("clientId")).toString();
        a.displayName = o.value(QStringLiteral("displayName")).toString();
        a.publicClient = o.value(QStringLiteral("publicClient")).toBool();
        a.allowPublicClientFlows = o.value(QStringLiteral("allowPublicClientFlows")).toBool();
        a.redirectUris = toStringList(o.value(QStringLiteral("redirectUris")));
        a.homeTenantId = o.value(QStringLiteral("homeTenantId")).toString();
        w.applications.insert(lower(a.clientId), a);
    }
    for (const auto &v : json.value(QStringLiteral("resourceGroups")).toArray()) {
        const auto o = v.toObject();
        ResourceGroup g;
        g.subscriptionId = o.value(QStringLiteral("subscriptionId")).toString();
        g.name = o.value(QStringLiteral("name")).toString();
        g.location = o.value(QStringLiteral("location")).toString();
        g.tags = o.value(QStringLiteral("tags")).toObject();
        g.provisioningState = o.value(QStringLiteral("provisioningState")).toString();
        g.deleteAtMs = toInt64(o.value(QStringLiteral("deleteAtMs")));
        w.resourceGroups.insert(rgKey(g.subscriptionId, g.name), g);
    }
    for (const auto &v : json.value(QStringLiteral("resources")).toArray()) {
        const auto o = v.toObject();
        Resource r;
        r.subscriptionId = o.value(QStringLiteral("subscriptionId")).toString();
        r.resourceGroup = o.value(QStringLiteral("resourceGroup")).toString();
        r.type = o.value(QStringLiteral("type")).toString();
        r.name = o.value(QStringLiteral("name")).toString();
        r.body = o.value(QStringLiteral("body")).toObject();
        r.keys = o.value(QStringLiteral("keys")).toArray();
        r.activeOperationId = o.value(QStringLiteral("activeOperationId")).toString();
        w.resources.insert(resourceKey(r.subscriptionId, r.resourceGroup, r.type, r.name), r);
    }
    for (const auto &v : json.value(QStringLiteral("operations")).toArray()) {
        const auto o = v.toObject();
        Operation op;
        op.id = o.value(QStringLiteral("id")).toString();
        op.kind = o.value(QStringLiteral("kind")).toString();
        op.subscriptionId = o.value(QStringLiteral("subscriptionId")).toString();
        op.resourceGroup = o.value(QStringLiteral("resourceGroup")).toString();
        op.resourceType = o.value(QStringLiteral("resourceType")).toString();
        op.resourceName = o.value(QStringLiteral("resourceName")).toString();
        op.apiVersion = o.value(QStringLiteral("apiVersion")).toString();
        op.startMs = toInt64(o.value(QStringLiteral("startMs")));
        op.doneAtMs = toInt64(o.value(QStringLiteral("doneAtMs")));
        op.settled = o.value(QStringLiteral("settled")).toBool();
        op.outcome = o.value(QStringLiteral("outcome")).toString();
        op.error = o.value(QStringLiteral("error")).toObject();
        op.previousBody = o.value(QStringLiteral("previousBody")).toObject();
        w.operations.insert(op.id, op);
    }
    for (const auto &v : json.value(QStringLiteral("authCodes")).toArray()) {
        const auto o = v.toObject();
        AuthCode c;
        c.code = o.value(QStringLiteral("code")).toString();
        c.clientId = o.value(QStringLiteral("clientId")).toString();
        c.redirectUri = o.value(QStringLiteral("redirectUri")).toString();
        c.codeChallenge = o.value(QStringLiteral("codeChallenge")).toString();
        c.codeChallengeMethod = o.value(QStringLiteral("codeChallengeMethod")).toString();
        c.scope = o.value(QStringLiteral("scope")).toString();
        c.tenant = o.value(QStringLiteral("tenant")).toString();
        c.objectId = o.value(QStringLiteral("objectId")).toString();
        c.nonce = o.value(QStringLiteral("nonce")).toString();
        c.expiresAtMs = toInt64(o.value(QStringLiteral("expiresAtMs")));
        c.redeemed = o.value(QStringLiteral("redeemed")).toBool();
        w.authCodes.insert(c.code, c);
    }
    for (const auto &v : json.value(QStringLiteral("deviceCodes")).toArray()) {
        const auto o = v.toObject();
        DeviceCode d;
        d.deviceCode = o.value(QStringLiteral("deviceCode")).toString();
        d.userCode = o.value(QStringLiteral("userCode")).toString();
        d.clientId = o.value(QStringLiteral("clientId")).toString();
        d.scope = o.value(QStringLiteral("scope")).toString();
        d.tenant = o.value(QStringLiteral("tenant")).toString();
        d.status = o.value(QStringLiteral("status")).toString();
        d.objectId = o.value(QStringLiteral("objectId")).toString();
        d.expiresAtMs = toInt64(o.value(QStringLiteral("expiresAtMs")));
        d.lastPollMs = toInt64(o.value(QStringLiteral("lastPollMs")));
        d.intervalSec = o.value(QStringLiteral("intervalSec")).toInt(5);
        w.deviceCodes.insert(d.deviceCode, d);
    }
    for (const auto &v : json.value(QStringLiteral("refreshTokens")).toArray()) {
        const auto o = v.toObject();
        RefreshToken t;
        t.token = o.value(QStringLiteral("token")).toString();
        t.objectId = o.value(QStringLiteral("objectId")).toString();
        t.clientId = o.value(QStringLiteral("clientId")).toString();
        t.scope = o.value(QStringLiteral("scope")).toString();
        t.expiresAtMs = toInt64(o.value(QStringLiteral("expiresAtMs")));
        t.revoked = o.value(QStringLiteral("revoked")).toBool();
        t.mfaSatisfied = o.value(QStringLiteral("mfaSatisfied")).toBool();
        w.refreshTokens.insert(t.token, t);
    }
    w.signingKey = QByteArray::fromBase64(json.value(QStringLiteral("signingKey")).toString().toLatin1());
    w.clockOffsetMs = toInt64(json.value(QStringLiteral("clockOffsetMs")));
    return w;
}

} // namespace Dps::Sandbox
