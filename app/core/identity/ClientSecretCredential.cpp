// Client credentials grant (entra-auth-and-secrets.md section 1.3; azure-identity
// client_secret_credential.cpp): the credential builds the form, TokenEndpoint sends it, TokenCache
// keeps the answer per (tenant, scope).
#include "ClientSecretCredential.h"
#include "SignInSupport.h"

#include <QHash>

namespace Dps::Identity {

struct ClientSecretCredential::State
{
    TokenCache cache;
    // Requests in flight per cache key, and who waits for them.
    std::shared_ptr<PendingTokenRequests> pending = std::make_shared<PendingTokenRequests>();
};

using Detail::makeError;

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
    // A request for this (tenant, scope) on its way already: its token is new enough for a forced refresh too.
    if (!d->pending->add(key, std::move(done), request.forceRefresh, request.cancellation))
        return;

    const QList<QPair<QString, QString>> form{{QStringLiteral("client_id"), m_clientId},
                                              {QStringLiteral("scope"), scope},
                                              {QStringLiteral("client_secret"), m_clientSecret},
                                              {QStringLiteral("grant_type"),
                                               QStringLiteral("client_credentials")}};
    const auto state = d;
    const auto clock = m_clock;
    const auto flight = d->pending->guardFlight(key);
    m_endpoint
        ->requestToken(tenant,
                       form,
                       nullptr,
                       [state, clock, key, tenant, scope, flight](const std::optional<AccessToken> &token,
                                                          const QString &,
                                                          const AuthError &error) {
                           std::optional<AccessToken> fallback;
                           if (token)
                               state->cache.store(tenant, scope, *token);
                           else
                               fallback = state->cache.findUnexpired(tenant, scope, clock->nowMs());
                           state->pending->finish(key, token, fallback, error);
                       });
}

} // namespace Dps::Identity
