#include "ClientSecretCredential.h"
#include "SignInSupport.h"

#include "http/Policies.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QUrlQuery>

namespace Dps::Identity {

namespace {

AuthError errorFromBody(const Http::HttpResponse &response)
{
    AuthError e;
    e.httpStatus = response.status;
    const QJsonObject json = QJsonDocument::fromJson(response.body).object();
    e.error = json.value(QStringLiteral("error")).toString();
    e.description = json.value(QStringLiteral("error_description")).toString();
    for (const QJsonValue &code : json.value(QStringLiteral("error_codes")).toArray()) {
        const int n = code.toInt(-1);
        if (n >= 0)
            e.aadstsCodes.append(n);
    }
    e.traceId = json.value(QStringLiteral("trace_id")).toString();
    e.correlationId = json.value(QStringLiteral("correlation_id")).toString();
    if (e.aadstsCodes.isEmpty()) {
        // Some proxies and older endpoints send only the text: "AADSTS7000215: ...".
        static const QRegularExpression aadsts(QStringLiteral("AADSTS(\\d+)"));
        const auto m = aadsts.match(e.description);
        if (m.hasMatch())
            e.aadstsCodes.append(m.captured(1).toInt());
    }
    if (e.error.isEmpty()) {
        if (response.status == 429 || response.status >= 500)
            e.error = QStringLiteral("temporarily_unavailable");
        else
            e.error = QStringLiteral("invalid_response");
        if (e.description.isEmpty())
            e.description = QStringLiteral("HTTP %1").arg(response.status);
    }
    return e;
}

qint64 expiresInSeconds(const QJsonObject &json)
{
    // A number per the spec; some endpoints (ADFS, old v1) send a string.
    const QJsonValue v = json.value(QStringLiteral("expires_in"));
    if (v.isDouble())
        return qint64(v.toDouble());
    bool ok = false;
    const qint64 n = v.toString().toLongLong(&ok);
    return ok ? n : -1;
}

} // namespace

TokenEndpoint::TokenEndpoint(std::shared_ptr<Http::Pipeline> pipeline,
                             QUrl authorityHost,
                             std::shared_ptr<Http::Clock> clock)
    : m_pipeline(std::move(pipeline))
    , m_authorityHost(std::move(authorityHost))
    , m_clock(std::move(clock))
{
    Q_ASSERT(m_pipeline && m_clock);
}

bool TokenEndpoint::isValidTenant(const QString &tenant)
{
    static const QRegularExpression valid(
        QStringLiteral("^[A-Za-z0-9](?:[A-Za-z0-9.-]{0,252}[A-Za-z0-9])?$"));
    return valid.match(tenant).hasMatch();
}

QUrl TokenEndpoint::tokenUrl(const QString &tenant) const
{
    return endpointUrl(tenant, QStringLiteral("token"));
}

QUrl TokenEndpoint::endpointUrl(const QString &tenant, const QString &name) const
{
    QUrl url = m_authorityHost.adjusted(QUrl::RemoveQuery | QUrl::RemoveFragment
                                        | QUrl::RemoveUserInfo);
    QString path = url.path();
    if (!path.endsWith(QLatin1Char('/')))
        path += QLatin1Char('/');
    url.setPath(path + tenant + QStringLiteral("/oauth2/v2.0/") + name);
    return url;
}

QByteArray TokenEndpoint::formBody(const QList<QPair<QString, QString>> &form)
{
    // QUrlQuery encodes '&', '=', '#', spaces and non-ASCII, but it keeps a '%' that starts a valid
    // escape ("%41" would reach the server as "A") and leaves '+' alone, which a form decoder reads
    // as a space. Escape '%' first and '+' last, and any secret arrives as typed.
    const auto escapePercent = [](QString s) {
        return s.replace(QLatin1Char('%'), QLatin1String("%25"));
    };
    QUrlQuery query;
    for (const auto &field : form)
        query.addQueryItem(escapePercent(field.first), escapePercent(field.second));
    return query.query(QUrl::FullyEncoded).toUtf8().replace('+', "%2B");
}

void TokenEndpoint::postForm(const QString &tenant,
                             const QString &endpointName,
                             const QList<QPair<QString, QString>> &form,
                             const Http::CancellationTokenPtr &cancellation,
                             std::function<void(const QJsonObject &, const AuthError &)> done)
{
    if (!Http::isSecureOrLoopback(m_authorityHost)) {
        AuthError e;
        e.error = QStringLiteral("insecure_authority");
        e.description = m_authorityHost.toString(QUrl::RemoveUserInfo | QUrl::RemoveQuery);
        qCWarning(lcIdentity).noquote()
            << "Refused a token request to" << e.description << "- https is required";
        done({}, e);
        return;
    }
    if (!isValidTenant(tenant)) {
        AuthError e;
        e.error = QStringLiteral("invalid_tenant");
        e.description = tenant.left(100);
        done({}, e);
        return;
    }

    Http::HttpRequest request;
    request.method = "POST";
    request.url = endpointUrl(tenant, endpointName);
    request.setHeader("Content-Type", "application/x-www-form-urlencoded");
    request.setHeader("Accept", "application/json");
    request.body = formBody(form);
    request.timeoutMs = 30000;
    request.cancellation = cancellation;

    const QString what = endpointName == QLatin1String("token")
                             ? QStringLiteral("Token request")
                             : QStringLiteral("Request to /%1").arg(endpointName);
    m_pipeline->send(std::move(request),
                     [tenant, what, done = std::move(done)](Http::HttpResponse response) {
                         AuthError e;
                         if (response.cancelled) {
                             e.error = QStringLiteral("cancelled");
                             done({}, e);
                             return;
                         }
                         if (response.isTransportError()) {
                             e.error = QStringLiteral("network");
                             e.description = response.errorString;
                             qCInfo(lcIdentity).noquote() << what << "for tenant" << tenant
                                                          << "failed:" << response.errorString;
                             done({}, e);
                             return;
                         }
                         if (!response.isSuccess()) {
                             e = errorFromBody(response);
                             qCInfo(lcIdentity).noquote()
                                 << what << "for tenant" << tenant << "failed with HTTP"
                                 << response.status << e.error << "codes" << e.aadstsCodes
                                 << "trace id" << e.traceId << "correlation id" << e.correlationId;
                             done({}, e);
                             return;
                         }
                         const QJsonDocument document = QJsonDocument::fromJson(response.body);
                         if (!document.isObject()) {
                             e.error = QStringLiteral("invalid_response");
                             e.httpStatus = response.status;
                             e.description = QStringLiteral("not a JSON object");
                             qCWarning(lcIdentity).noquote()
                                 << what << "for tenant" << tenant
                                 << "answered something other than JSON";
                             done({}, e);
                             return;
                         }
                         done(document.object(), AuthError{});
                     });
}

void TokenEndpoint::requestTokenResponse(const QString &tenant,
                                         const QList<QPair<QString, QString>> &form,
                                         const Http::CancellationTokenPtr &cancellation,
                                         std::function<void(const Response &)> done)
{
    const auto clock = m_clock;
    const qint64 sentAtMs
        = clock->nowMs(); // expires_in counts from the request (azure-identity does the same)
    postForm(tenant,
             QStringLiteral("token"),
             form,
             cancellation,
             [tenant, sentAtMs, done = std::move(done)](const QJsonObject &json,
                                                        const AuthError &error) {
                 Response r;
                 if (!error.error.isEmpty()) {
                     r.error = error;
                     done(r);
                     return;
                 }
                 const QString accessToken = json.value(QStringLiteral("access_token")).toString();
                 const qint64 expiresIn = expiresInSeconds(json);
                 if (accessToken.isEmpty() || expiresIn < 0) {
                     r.error.error = QStringLiteral("invalid_response");
                     r.error.httpStatus = 200;
                     r.error.description = QStringLiteral("no access_token or expires_in");
                     qCWarning(lcIdentity).noquote() << "Token response for tenant" << tenant
                                                     << "lacks access_token or expires_in";
                     done(r);
                     return;
                 }
                 AccessToken token;
                 token.token = accessToken;
                 token.expiresOnMs = sentAtMs + expiresIn * 1000;
                 token.tenantId = tenant;
                 qCDebug(lcIdentity).noquote()
                     << "Got a token for tenant" << tenant << "valid for" << expiresIn << "s";
                 r.token = token;
                 r.refreshToken = json.value(QStringLiteral("refresh_token")).toString();
                 r.json = json;
                 done(r);
             });
}

void TokenEndpoint::requestToken(
    const QString &tenant,
    const QList<QPair<QString, QString>> &form,
    const Http::CancellationTokenPtr &cancellation,
    std::function<void(const std::optional<AccessToken> &, const QString &, const AuthError &)> done)
{
    requestTokenResponse(tenant, form, cancellation, [done = std::move(done)](const Response &r) {
        done(r.token, r.refreshToken, r.error);
    });
}

std::optional<AccessToken> TokenCache::find(const QString &tenant,
                                            const QString &scope,
                                            qint64 nowMs) const
{
    const auto it = m_tokens.constFind(key(tenant, scope));
    if (it == m_tokens.constEnd() || it->expiresOnMs - m_refreshMarginMs <= nowMs)
        return std::nullopt;
    return *it;
}

std::optional<AccessToken> TokenCache::findUnexpired(const QString &tenant,
                                                     const QString &scope,
                                                     qint64 nowMs) const
{
    const auto it = m_tokens.constFind(key(tenant, scope));
    if (it == m_tokens.constEnd() || it->expiresOnMs <= nowMs)
        return std::nullopt;
    return *it;
}

void TokenCache::store(const QString &tenant, const QString &scope, const AccessToken &token)
{
    m_tokens.insert(key(tenant, scope), token);
}

QString TokenCache::key(const QString &tenant, const QString &scope)
{
    return tenant.toLower() + QLatin1Char('\n') + scope;
}

bool PendingTokenRequests::add(const QString &key, TokenCallback done, bool forceRefresh,
                               const Http::CancellationTokenPtr &cancellation)
{
    const bool first = !m_pending.contains(key);
    Waiter waiter;
    waiter.id = m_nextId++;
    waiter.done = std::move(done);
    waiter.forceRefresh = forceRefresh;
    waiter.cancellation = cancellation;
    if (cancellation) {
        std::weak_ptr<PendingTokenRequests> weak = weak_from_this();
        const int id = waiter.id;
        waiter.cancelId = cancellation->onCancel([weak, key, id] {
            auto self = weak.lock();
            if (!self)
                return;
            auto it = self->m_pending.find(key);
            if (it == self->m_pending.end())
                return;
            QList<Waiter> &waiters = it->waiters;
            for (qsizetype i = 0; i < waiters.size(); ++i) {
                if (waiters.at(i).id == id) {
                    const TokenCallback callback = waiters.at(i).done;
                    waiters.removeAt(i);
                    callback(std::nullopt, Detail::makeError(QStringLiteral("cancelled")));
                    return;
                }
            }
        });
    }
    Flight &flight = m_pending[key];
    if (first)
        flight.id = m_nextFlight++;
    flight.waiters.append(std::move(waiter));
    return first;
}

std::shared_ptr<const void> PendingTokenRequests::guardFlight(const QString &key)
{
    struct Guard
    {
        std::weak_ptr<PendingTokenRequests> pending;
        QString key;
        quint64 flight = 0;
        ~Guard()
        {
            const auto self = pending.lock();
            if (self && flight && self->m_pending.value(key).id == flight)
                self->take(key); // forgotten: not called back
        }
    };
    auto guard = std::make_shared<Guard>();
    guard->pending = weak_from_this();
    guard->key = key;
    guard->flight = m_pending.value(key).id;
    return guard;
}

QList<PendingTokenRequests::Waiter> PendingTokenRequests::take(const QString &key)
{
    const QList<Waiter> waiters = m_pending.take(key).waiters;
    for (const Waiter &w : waiters) {
        if (w.cancellation && w.cancelId)
            w.cancellation->remove(w.cancelId);
    }
    return waiters;
}

void PendingTokenRequests::clear()
{
    const QStringList keys = m_pending.keys();
    for (const QString &key : keys)
        take(key);
}

void PendingTokenRequests::finish(const QString &key, const std::optional<AccessToken> &token,
                                  const std::optional<AccessToken> &fallback, const AuthError &error)
{
    // Taken first: a callback may ask for a token again (a new request) or delete the credential.
    const QList<Waiter> waiters = take(key);
    for (const Waiter &w : waiters) {
        if (token)
            w.done(token, AuthError{});
        else if (fallback && !w.forceRefresh)
            w.done(fallback, AuthError{}); // still valid: better than failing the call
        else
            w.done(std::nullopt, error);
    }
}

} // namespace Dps::Identity
