// Client credentials grant (entra-auth-and-secrets.md section 1.3; azure-identity
// client_secret_credential.cpp): the credential builds the form, TokenEndpoint sends it, TokenCache
// keeps the answer per (tenant, scope).
#include "ClientSecretCredential.h"

#include <QHash>

namespace Dps::Identity {

struct ClientSecretCredential::State
{
    struct Waiter
    {
        int id = 0;
        TokenCallback done;
        bool forceRefresh = false;
        Http::CancellationTokenPtr cancellation;
        int cancelId = 0;
    };

    TokenCache cache;
    // Requests in flight per cache key, and who waits for them.
    QHash<QString, QList<Waiter>> pending;
    int nextWaiterId = 1;
};

namespace {

AuthError makeError(const QString &error, const QString &description = {})
{
    AuthError e;
    e.error = error;
    e.description = description;
    return e;
}

} // namespace

ClientSecretCredential::ClientSecretCredential(std::shared_ptr<TokenEndpoint> endpoint,
                                               QString tenantId,
                                               QString clientId,
                                               QString clientSecret,
                                               std::shared_ptr<Http::Clock> clock)
    : m_endpoint(std::move(endpoint))
    , m_tenantId(std::move(tenantId))
    , m_clientId(std::move(clientId))
    , m_clientSecret(std::move(clientSecret))
    , m_clock(std::move(clock))
    , d(std::make_shared<State>())
{
    Q_ASSERT(m_endpoint && m_clock);
}

ClientSecretCredential::~ClientSecretCredential() = default;

void ClientSecretCredential::setRefreshMarginMs(qint64 ms)
{
    d->cache.setRefreshMarginMs(ms);
}

void ClientSecretCredential::getToken(const TokenRequest &request, TokenCallback done)
{
    const QString tenant = request.tenantId.isEmpty() ? m_tenantId : request.tenantId;
    if (request.scopes.isEmpty()) {
        done(std::nullopt,
             makeError(QStringLiteral("invalid_scope"), QStringLiteral("no scope was requested")));
        return;
    }
    // Client credentials take exactly one "<resource>/.default" scope; several are passed on as
    // Entra expects.
    const QString scope = request.scopes.join(QLatin1Char(' '));
    if (!request.forceRefresh) {
        if (auto token = d->cache.find(tenant, scope, m_clock->nowMs())) {
            done(token, AuthError{});
            return;
        }
    }
    if (request.cancellation && request.cancellation->isCancelled()) {
        done(std::nullopt, makeError(QStringLiteral("cancelled")));
        return;
    }

    const QString key = TokenCache::key(tenant, scope);
    const bool inFlight = d->pending.contains(key);
    State::Waiter waiter;
    waiter.id = d->nextWaiterId++;
    waiter.done = std::move(done);
    waiter.forceRefresh = request.forceRefresh;
    waiter.cancellation = request.cancellation;
    if (waiter.cancellation) {
        std::weak_ptr<State> weak = d;
        const int id = waiter.id;
        waiter.cancelId = waiter.cancellation->onCancel([weak, key, id] {
            // This caller stops waiting; the shared request goes on and fills the cache for the
            // others.
            auto state = weak.lock();
            if (!state)
                return;
            auto it = state->pending.find(key);
            if (it == state->pending.end())
                return;
            for (qsizetype i = 0; i < it->size(); ++i) {
                if (it->at(i).id == id) {
                    const TokenCallback callback = it->at(i).done;
                    it->removeAt(i);
                    callback(std::nullopt, makeError(QStringLiteral("cancelled")));
                    return;
                }
            }
        });
    }
    d->pending[key].append(std::move(waiter));
    // A request for this (tenant, scope) is on its way: its token is new enough for a forced refresh too.
    if (inFlight)
        return;

    const QList<QPair<QString, QString>> form{{QStringLiteral("client_id"), m_clientId},
                                              {QStringLiteral("scope"), scope},
                                              {QStringLiteral("client_secret"), m_clientSecret},
                                              {QStringLiteral("grant_type"),
                                               QStringLiteral("client_credentials")}};
    const auto state = d;
    const auto clock = m_clock;
    m_endpoint
        ->requestToken(tenant,
                       form,
                       nullptr,
                       [state, clock, key, tenant, scope](const std::optional<AccessToken> &token,
                                                          const QString &,
                                                          const AuthError &error) {
                           const QList<State::Waiter> waiters = state->pending.take(key);
                           std::optional<AccessToken> fallback;
                           if (token)
                               state->cache.store(tenant, scope, *token);
                           else
                               fallback = state->cache.findUnexpired(tenant, scope, clock->nowMs());
                           for (const State::Waiter &w : waiters) {
                               if (w.cancellation && w.cancelId)
                                   w.cancellation->remove(w.cancelId);
                               if (token)
                                   w.done(token, AuthError{});
                               else if (fallback && !w.forceRefresh)
                                   w.done(fallback,
                                          AuthError{}); // still valid: better than failing the call
                               else
                                   w.done(std::nullopt, error);
                           }
                       });
}

} // namespace Dps::Identity
