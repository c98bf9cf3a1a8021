// Access tokens for every tenant of a signed-in user from one refresh token (entra-auth-and-secrets.md
// section 1.4: refresh tokens are bound to user + client, not to a tenant). The credential builds the
// refresh_token form; TokenEndpoint sends it; TokenCache keeps the answers per (tenant, scope).
//
//   getToken(tenant, scope) ─► cached and not within 5 min of expiry? ─► token
//        │ no (or forceRefresh)
//   a request for (tenant, scope) in flight? ─► wait for it
//        │ no
//   POST /{tenant}/oauth2/v2.0/token (refresh_token, scope + offline_access openid profile)
//        ├─ tokens: cache, a new refresh token ─► onRefreshTokenRotated
//        └─ error: a still-valid cached token (unless forced), else the AuthError
//           (interaction_required/50076/53003 ─► isInteractionRequired(); invalid_grant ─► sign in again)
#include "SignIn.h"
#include "SignInSupport.h"

#include <QHash>

namespace Dps::Identity {

namespace {

// Shared with the callbacks of requests in flight, which may outlive the credential.
struct RefreshState
{
    PublicClientConfig config;
    QString refreshToken; // the newest one
    std::function<void(const QString &)> onRotated;
    bool alive = true; // false once the credential is gone: its owner no longer wants rotations
    TokenCache cache;
    std::shared_ptr<PendingTokenRequests> pending = std::make_shared<PendingTokenRequests>();
};

} // namespace

struct RefreshTokenCredential::Private
{
    std::shared_ptr<RefreshState> state;
    QString homeTenantId;
};

RefreshTokenCredential::RefreshTokenCredential(
    PublicClientConfig config,
    QString homeTenantId,
    QString refreshToken,
    std::function<void(const QString &)> onRefreshTokenRotated)
    : d(std::make_unique<Private>())
{
    Q_ASSERT(config.endpoint && config.clock);
    d->state = std::make_shared<RefreshState>();
    d->state->config = std::move(config);
    d->state->refreshToken = std::move(refreshToken);
    d->state->onRotated = std::move(onRefreshTokenRotated);
    d->homeTenantId = std::move(homeTenantId);
}

RefreshTokenCredential::~RefreshTokenCredential()
{
    d->state->alive = false;
    d->state->onRotated = {};
}

QString RefreshTokenCredential::defaultTenantId() const
{
    return d->homeTenantId.isEmpty() ? d->state->config.tenant : d->homeTenantId;
}

void RefreshTokenCredential::getToken(const TokenRequest &request, TokenCallback done)
{
    const auto state = d->state;
    const QString tenant = request.tenantId.isEmpty() ? defaultTenantId() : request.tenantId;
    if (request.scopes.isEmpty()) {
        done(std::nullopt,
             Detail::makeError(QStringLiteral("invalid_scope"),
                               QStringLiteral("no scope was requested")));
        return;
    }
    const QString scope = request.scopes.join(QLatin1Char(' '));
    const PublicClientConfig &config = state->config;
    if (!request.forceRefresh) {
        if (auto token = state->cache.find(tenant, scope, config.clock->nowMs())) {
            done(token, AuthError{});
            return;
        }
    }
    if (request.cancellation && request.cancellation->isCancelled()) {
        done(std::nullopt, Detail::makeError(QStringLiteral("cancelled")));
        return;
    }
    if (state->refreshToken.isEmpty()) {
        done(std::nullopt,
             Detail::makeError(QStringLiteral("invalid_grant"), QStringLiteral("no refresh token")));
        return;
    }

    const QString key = TokenCache::key(tenant, scope);
    // A request for this (tenant, scope) on its way already: its token is new enough for a forced refresh too.
    if (!state->pending->add(key, std::move(done), request.forceRefresh, request.cancellation))
        return;

    // MSAL asks for the OIDC scopes on every refresh: a new refresh token and an id token come back.
    const Detail::Form form{{QStringLiteral("client_id"), config.clientId},
                            {QStringLiteral("grant_type"), QStringLiteral("refresh_token")},
                            {QStringLiteral("refresh_token"), state->refreshToken},
                            {QStringLiteral("scope"),
                             Detail::joinScopes(scope,
                                                QStringLiteral("offline_access openid profile"))},
                            {QStringLiteral("client_info"), QStringLiteral("1")}};
    const auto flight = state->pending->guardFlight(key);
    config.endpoint->requestTokenResponse(
        tenant, form, nullptr, [state, key, tenant, scope, flight](const TokenEndpoint::Response &response) {
            std::optional<AccessToken> token = response.token;
            std::optional<AccessToken> fallback;
            if (token) {
                // The tenant that answered (a domain or "organizations" resolves to an id).
                const QString tid = Detail::jwtPayload(
                                        response.json.value(QStringLiteral("id_token")).toString())
                                        .value(QStringLiteral("tid"))
                                        .toString();
                if (!tid.isEmpty())
                    token->tenantId = tid;
                state->cache.store(tenant, scope, *token);
                if (!response.refreshToken.isEmpty()
                    && response.refreshToken != state->refreshToken) {
                    state->refreshToken = response.refreshToken;
                    if (state->alive && state->onRotated)
                        state->onRotated(response.refreshToken);
                }
            } else {
                fallback = state->cache.findUnexpired(tenant, scope, state->config.clock->nowMs());
            }
            state->pending->finish(key, token, fallback, response.error);
        });
}

} // namespace Dps::Identity
