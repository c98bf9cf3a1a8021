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

struct Waiter
{
    int id = 0;
    TokenCallback done;
    bool forceRefresh = false;
    Http::CancellationTokenPtr cancellation;
    int cancelId = 0;
};

// Shared with the callbacks of requests in flight, which may outlive the credential.
struct RefreshState
{
    PublicClientConfig config;
    QString refreshToken; // the newest one
    std::function<void(const QString &)> onRotated;
    bool alive = true; // false once the credential is gone: its owner no longer wants rotations
    TokenCache cache;
    QHash<QString, QList<Waiter>> pending;
    int nextWaiterId = 1;
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
    const bool inFlight = state->pending.contains(key);
    Waiter waiter;
    waiter.id = state->nextWaiterId++;
    waiter.done = std::move(done);
    waiter.forceRefresh = request.forceRefresh;
    waiter.cancellation = request.cancellation;
    if (waiter.cancellation) {
        std::weak_ptr<RefreshState> weak = state;
        const int id = waiter.id;
        waiter.cancelId = waiter.cancellation->onCancel([weak, key, id] {
            // This caller stops waiting; the shared request goes on for the others.
            auto s = weak.lock();
            if (!s)
                return;
            auto it = s->pending.find(key);
            if (it == s->pending.end())
                return;
            for (qsizetype i = 0; i < it->size(); ++i) {
                if (it->at(i).id == id) {
                    const TokenCallback callback = it->at(i).done;
                    it->removeAt(i);
                    callback(std::nullopt, Detail::makeError(QStringLiteral("cancelled")));
                    return;
                }
            }
        });
    }
    state->pending[key].append(std::move(waiter));
    // A request for this (tenant, scope) is on its way: its token is new enough for a forced refresh too.
    if (inFlight)
        return;

    // MSAL asks for the OIDC scopes on every refresh: a new refresh token and an id token come back.
    const Detail::Form form{{QStringLiteral("client_id"), config.clientId},
                            {QStringLiteral("grant_type"), QStringLiteral("refresh_token")},
                            {QStringLiteral("refresh_token"), state->refreshToken},
                            {QStringLiteral("scope"),
                             Detail::joinScopes(scope,
                                                QStringLiteral("offline_access openid profile"))},
                            {QStringLiteral("client_info"), QStringLiteral("1")}};
    config.endpoint->requestTokenResponse(
        tenant, form, nullptr, [state, key, tenant, scope](const TokenEndpoint::Response &response) {
            const QList<Waiter> waiters = state->pending.take(key);
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
            for (const Waiter &w : waiters) {
                if (w.cancellation && w.cancelId)
                    w.cancellation->remove(w.cancelId);
                if (token)
                    w.done(token, AuthError{});
                else if (fallback && !w.forceRefresh)
                    w.done(fallback, AuthError{}); // still valid: better than failing the call
                else
                    w.done(std::nullopt, response.error);
            }
        });
}

} // namespace Dps::Identity
