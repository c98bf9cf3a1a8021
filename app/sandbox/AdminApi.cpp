// The sandbox's own admin API under /_sandbox/ (not part of Azure): reset, state dump, request log,
// fault rules, clock, runtime options and test tokens. Loopback only, like everything else here.
#include "ArmSupport.h"
#include "Sandbox.h"

#include <QJsonArray>
#include <QJsonDocument>

namespace Dps::Sandbox {

namespace {

void adminRoute(Sandbox &sandbox, const char *method, const QString &pattern, Handler handler)
{
    Route r;
    r.method = method;
    r.pattern = pattern.split(QLatin1Char('/'), Qt::SkipEmptyParts);
    r.kind = RouteKind::Admin;
    r.operationId = QStringLiteral("Sandbox_Admin");
    r.handler = std::move(handler);
    sandbox.addRoute(std::move(r));
}

Response badRequest(const QString &message)
{
    return Response::armError(400, QStringLiteral("InvalidSandboxRequest"), message);
}

std::optional<Response> jsonBody(const Request &req, QJsonObject *out)
{
    return Arm::parseJsonBody(req, out, false);
}

QJsonObject optionsJson(const SandboxOptions &o)
{
    return QJsonObject{{QStringLiteral("lroDpsMs"), o.lroDpsMs},
                       {QStringLiteral("lroHubMs"), o.lroHubMs},
                       {QStringLiteral("lroUpdateMs"), o.lroUpdateMs},
                       {QStringLiteral("providerRegisterMs"), o.providerRegisterMs},
                       {QStringLiteral("tokenLifetimeSec"), o.tokenLifetimeSec},
                       {QStringLiteral("pageSize"), o.pageSize},
                       {QStringLiteral("autoApprove"), o.autoApprove},
                       {QStringLiteral("maxBodyBytes"), double(o.maxBodyBytes)},
                       {QStringLiteral("readBucket"), o.readBucket},
                       {QStringLiteral("readRefillPerSec"), o.readRefillPerSec},
                       {QStringLiteral("writeBucket"), o.writeBucket},
                       {QStringLiteral("writeRefillPerSec"), o.writeRefillPerSec},
                       {QStringLiteral("deleteBucket"), o.deleteBucket},
                       {QStringLiteral("deleteRefillPerSec"), o.deleteRefillPerSec}};
}

} // namespace

void registerAdminRoutes(Sandbox &sandbox)
{
    Sandbox *sb = &sandbox;

    adminRoute(sandbox, "POST", QStringLiteral("/_sandbox/reset"), [sb](Request &req) {
        QJsonObject body;
        if (auto e = jsonBody(req, &body))
            return *e;
        const QString world = body.value(QStringLiteral("world")).toString(sb->options().world);
        World probe;
        QString error;
        if (!buildWorld(world, sb->options(), &probe, &error))
            return badRequest(error);
        sb->resetWorld(world);
        sb->faultRules().clear();
        sb->clearRequestLog();
        return Response::json(200, sb->info());
    });

    adminRoute(sandbox, "GET", QStringLiteral("/_sandbox/info"), [sb](Request &) { return Response::json(200, sb->info()); });

    adminRoute(sandbox, "GET", QStringLiteral("/_sandbox/state"), [sb](Request &) {
        return Response::json(200, sb->world().toJson());
    });

    adminRoute(sandbox, "GET", QStringLiteral("/_sandbox/requests"), [sb](Request &) {
        // Method, path, api-version, status, duration and ids only: never headers, queries or bodies.
        QJsonArray entries;
        for (const auto &e : sb->requestLog()) {
            entries.append(QJsonObject{{QStringLiteral("time"), Arm::isoTime(e.timeMs)},
                                       {QStringLiteral("method"), QString::fromLatin1(e.method)},
                                       {QStringLiteral("path"), e.path},
                                       {QStringLiteral("apiVersion"), e.apiVersion},
                                       {QStringLiteral("operationId"), e.operationId},
                                       {QStringLiteral("status"), e.status},
                                       {QStringLiteral("durationMs"), e.durationMs},
                                       {QStringLiteral("requestId"), e.requestId},
                                       {QStringLiteral("clientRequestId"), e.clientRequestId}});
        }
        return Response::json(200, QJsonObject{{QStringLiteral("value"), entries}});
    });

    adminRoute(sandbox, "DELETE", QStringLiteral("/_sandbox/requests"), [sb](Request &) {
        sb->clearRequestLog();
        return Response::empty(204);
    });

    adminRoute(sandbox, "GET", QStringLiteral("/_sandbox/faults"), [sb](Request &) {
        QJsonArray rules;
        for (const auto &r : sb->faultRules())
            rules.append(r.toJson());
        return Response::json(200, QJsonObject{{QStringLiteral("value"), rules}});
    });

    // {"method": "PUT", "path": "regex", "count": 1, "status": 429, "code": "...", "message": "...",
    //  "retryAfter": 2, "delayMs": 0, "drop": false, "failLro": false}
    adminRoute(sandbox, "POST", QStringLiteral("/_sandbox/faults"), [sb](Request &req) {
        QJsonObject body;
        if (auto e = jsonBody(req, &body))
            return *e;
        FaultRule rule;
        rule.id = newGuid();
        rule.method = body.value(QStringLiteral("method")).toString().toUpper().toLatin1();
        rule.path = QRegularExpression(body.value(QStringLiteral("path")).toString(QStringLiteral(".*")),
                                       QRegularExpression::CaseInsensitiveOption);
        if (!rule.path.isValid())
            return badRequest(QStringLiteral("path is not a valid regular expression: %1").arg(rule.path.errorString()));
        rule.remaining = body.value(QStringLiteral("count")).toInt(1);
        if (rule.remaining == 0 || rule.remaining < -1)
            return badRequest(QStringLiteral("count must be a positive number, or -1 for every request."));
        rule.status = body.value(QStringLiteral("status")).toInt(0);
        rule.code = body.value(QStringLiteral("code")).toString();
        rule.message = body.value(QStringLiteral("message")).toString();
        rule.retryAfterSec = body.value(QStringLiteral("retryAfter")).toInt(-1);
        rule.delayMs = body.value(QStringLiteral("delayMs")).toInt(0);
        rule.drop = body.value(QStringLiteral("drop")).toBool(false);
        rule.failLro = body.value(QStringLiteral("failLro")).toBool(false);
        if (rule.status != 0 && (rule.status < 400 || rule.status > 599))
            return badRequest(QStringLiteral("status must be an error status from 400 to 599."));
        if (rule.delayMs < 0 || rule.delayMs > 600000)
            return badRequest(QStringLiteral("delayMs must be from 0 to 600000."));
        if (rule.status == 0 && rule.delayMs == 0 && !rule.drop && !rule.failLro)
            return badRequest(QStringLiteral("A fault needs a status, a delayMs, drop or failLro."));
        sb->faultRules().append(rule);
        return Response::json(201, rule.toJson());
    });

    adminRoute(sandbox, "DELETE", QStringLiteral("/_sandbox/faults"), [sb](Request &) {
        sb->faultRules().clear();
        return Response::empty(204);
    });

    // {"advanceSeconds": 3600}: moves the sandbox clock (token expiry, LROs, registrations).
    adminRoute(sandbox, "POST", QStringLiteral("/_sandbox/clock"), [sb](Request &req) {
        QJsonObject body;
        if (auto e = jsonBody(req, &body))
            return *e;
        const double seconds = body.value(QStringLiteral("advanceSeconds")).toDouble(0);
        if (seconds < 0 || seconds > 10 * 365 * 86400.0)
            return badRequest(QStringLiteral("advanceSeconds must be from 0 to ten years."));
        sb->world().clockOffsetMs += qint64(seconds * 1000);
        sb->persist();
        return Response::json(200, QJsonObject{{QStringLiteral("now"), Arm::isoTime(sb->world().nowMs())},
                                               {QStringLiteral("offsetMs"), double(sb->world().clockOffsetMs)}});
    });

    adminRoute(sandbox, "GET", QStringLiteral("/_sandbox/options"), [sb](Request &) {
        return Response::json(200, optionsJson(sb->options()));
    });

    adminRoute(sandbox, "POST", QStringLiteral("/_sandbox/options"), [sb](Request &req) {
        QJsonObject body;
        if (auto e = jsonBody(req, &body))
            return *e;
        SandboxOptions &o = sb->options();
        struct IntField { const char *name; int *target; int min; int max; };
        const IntField fields[] = {{"lroDpsMs", &o.lroDpsMs, 0, 3600000}, {"lroHubMs", &o.lroHubMs, 0, 3600000},
                                   {"lroUpdateMs", &o.lroUpdateMs, 0, 3600000}, {"providerRegisterMs", &o.providerRegisterMs, 0, 3600000},
                                   {"tokenLifetimeSec", &o.tokenLifetimeSec, 1, 86400}, {"pageSize", &o.pageSize, 1, 1000},
                                   {"readBucket", &o.readBucket, 1, 100000}, {"readRefillPerSec", &o.readRefillPerSec, 0, 100000},
                                   {"writeBucket", &o.writeBucket, 1, 100000}, {"writeRefillPerSec", &o.writeRefillPerSec, 0, 100000},
                                   {"deleteBucket", &o.deleteBucket, 1, 100000}, {"deleteRefillPerSec", &o.deleteRefillPerSec, 0, 100000}};
        for (const auto &f : fields) {
            const QJsonValue v = body.value(QLatin1String(f.name));
            if (v.isUndefined())
                continue;
            const int n = v.toInt(INT_MIN);
            if (n < f.min || n > f.max)
                return badRequest(QStringLiteral("%1 must be a whole number from %2 to %3.").arg(QLatin1String(f.name)).arg(f.min).arg(f.max));
            *f.target = n;
        }
        if (body.contains(QStringLiteral("autoApprove")))
            o.autoApprove = body.value(QStringLiteral("autoApprove")).toBool();
        return Response::json(200, optionsJson(o));
    });

    // Change a subscription: {"state": "Disabled", "providers": {"Microsoft.Devices": "NotRegistered"}}.
    adminRoute(sandbox, "POST", QStringLiteral("/_sandbox/subscriptions/{}"), [sb](Request &req) {
        Subscription *s = sb->world().subscription(req.params[0]);
        if (!s)
            return Response::armError(404, QStringLiteral("SubscriptionNotFound"), QStringLiteral("No such subscription in the sandbox."));
        QJsonObject body;
        if (auto e = jsonBody(req, &body))
            return *e;
        static const QStringList states{QStringLiteral("Enabled"), QStringLiteral("Warned"), QStringLiteral("PastDue"),
                                        QStringLiteral("Disabled"), QStringLiteral("Deleted")};
        if (body.contains(QStringLiteral("state"))) {
            const QString state = body.value(QStringLiteral("state")).toString();
            if (!states.contains(state))
                return badRequest(QStringLiteral("state must be one of %1.").arg(states.join(QStringLiteral(", "))));
            s->state = state;
        }
        const QJsonObject providers = body.value(QStringLiteral("providers")).toObject();
        for (auto it = providers.begin(); it != providers.end(); ++it) {
            const QString state = it.value().toString();
            if (state != QLatin1String("Registered") && state != QLatin1String("NotRegistered"))
                return badRequest(QStringLiteral("A provider state must be Registered or NotRegistered."));
            s->providers[it.key().toLower()] = {state, 0};
        }
        sb->persist();
        return Response::json(200, QJsonObject{{QStringLiteral("subscriptionId"), s->subscriptionId}, {QStringLiteral("state"), s->state}});
    });

    // Mint an access token directly (tests of expired, wrong-audience or wrong-tenant tokens):
    // {"objectId" | "username" | "clientId", "tenantId", "audience", "lifetimeSeconds"}.
    adminRoute(sandbox, "POST", QStringLiteral("/_sandbox/tokens"), [sb](Request &req) {
        QJsonObject body;
        if (auto e = jsonBody(req, &body))
            return *e;
        World &w = sb->world();
        const Principal *p = nullptr;
        if (body.contains(QStringLiteral("objectId")))
            p = w.principal(body.value(QStringLiteral("objectId")).toString());
        else if (body.contains(QStringLiteral("username")))
            p = w.userByName(body.value(QStringLiteral("username")).toString());
        else if (body.contains(QStringLiteral("clientId")))
            p = w.servicePrincipalByClientId(body.value(QStringLiteral("clientId")).toString());
        if (!p)
            return badRequest(QStringLiteral("No such principal; give objectId, username or clientId."));
        const QString tenant = body.value(QStringLiteral("tenantId")).toString(p->homeTenantId);
        const QString audience = body.value(QStringLiteral("audience")).toString(QStringLiteral("https://management.core.windows.net/"));
        const int saved = sb->options().tokenLifetimeSec;
        if (body.contains(QStringLiteral("lifetimeSeconds")))
            sb->options().tokenLifetimeSec = body.value(QStringLiteral("lifetimeSeconds")).toInt(saved);
        const QString token = sb->issueAccessToken(*p, tenant, audience, QStringLiteral("user_impersonation"),
                                                   p->isServicePrincipal ? p->clientId : QStringLiteral("04b07795-8ddb-461a-bbee-02f9e1bf7b46"));
        const int lifetime = sb->options().tokenLifetimeSec;
        sb->options().tokenLifetimeSec = saved;
        return Response::json(200, QJsonObject{{QStringLiteral("access_token"), token},
                                               {QStringLiteral("token_type"), QStringLiteral("Bearer")},
                                               {QStringLiteral("expires_in"), lifetime}});
    });
}

} // namespace Dps::Sandbox
