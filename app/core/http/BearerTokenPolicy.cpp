// Authorization: Bearer (azure-core bearer_token_authentication_policy.cpp), asynchronous, per
// (tenant, scope), with one forced refresh and replay after a 401.
//
//   send ─► https or loopback? ─no─► done(status 0, "HttpsRequired")   (no token is ever asked for)
//     │yes
//     ▼
//   getToken(tenant, scope) ─error─► done(status 0, AuthError code + userMessage)
//     ▼
//   next(request + Authorization) ─► 401? ─no─► done
//                                      │yes: challenge names another tenant? ─yes─► done(401)
//                                      ▼
//                       getToken(forceRefresh) ─► next(replay) ─► done (even if 401 again)
#include "Policies.h"

#include "identity/TokenCredential.h"

#include <QCoreApplication>
#include <QRegularExpression>

namespace Dps::Http {

namespace {

HttpResponse httpsRequired(const QUrl &url)
{
    HttpResponse r;
    r.networkError = QNetworkReply::ProtocolUnknownError;
    r.errorCode = QStringLiteral("HttpsRequired");
    r.errorString = QCoreApplication::translate("Dps::Http::BearerTokenPolicy",
                                                "Refusing to send credentials to %1 over plain "
                                                "http: https is required for every host "
                                                "except this computer (loopback).")
                        .arg(url.host());
    return r;
}

HttpResponse authFailure(const Identity::AuthError &error)
{
    HttpResponse r;
    if (error.error == QLatin1String("cancelled")) {
        r.cancelled = true;
        r.networkError = QNetworkReply::OperationCanceledError;
    } else {
        r.networkError = QNetworkReply::AuthenticationRequiredError;
    }
    r.errorCode = error.error.isEmpty() ? QStringLiteral("authentication_failed") : error.error;
    r.errorString = error.userMessage();
    return r;
}

HttpResponse cancelledResponse()
{
    HttpResponse r;
    r.cancelled = true;
    r.networkError = QNetworkReply::OperationCanceledError;
    r.errorString = QCoreApplication::translate("Dps::Http::RetryPolicy",
                                                "The request was cancelled.");
    return r;
}

bool isGenericTenant(const QString &tenant)
{
    return tenant.isEmpty() || tenant.compare(QLatin1String("common"), Qt::CaseInsensitive) == 0
           || tenant.compare(QLatin1String("organizations"), Qt::CaseInsensitive) == 0
           || tenant.compare(QLatin1String("consumers"), Qt::CaseInsensitive) == 0;
}

} // namespace

BearerTokenPolicy::BearerTokenPolicy(std::shared_ptr<Identity::TokenCredential> credential,
                                     QString defaultScope,
                                     std::shared_ptr<Clock> clock)
    : m_credential(std::move(credential))
    , m_defaultScope(std::move(defaultScope))
    , m_clock(std::move(clock))
{
    Q_ASSERT(m_credential && m_clock);
}

QString BearerTokenPolicy::challengeTenant(const HttpResponse &response)
{
    // WWW-Authenticate: Bearer authorization_uri="https://login.microsoftonline.com/{tenant}",
    // error="invalid_token", ...
    const QString challenge = QString::fromLatin1(response.header("WWW-Authenticate"));
    if (!challenge.trimmed().startsWith(QLatin1String("Bearer"), Qt::CaseInsensitive))
        return {};
    static const QRegularExpression param(QStringLiteral(
                                              R"re((?:^|[\s,])authorization_uri\s*=\s*"([^"]*)")re"),
                                          QRegularExpression::CaseInsensitiveOption);
    const QRegularExpressionMatch m = param.match(challenge);
    if (!m.hasMatch())
        return {};
    const QUrl uri(m.captured(1));
    const QStringList segments = uri.path().split(QLatin1Char('/'), Qt::SkipEmptyParts);
    return segments.isEmpty() ? QString() : segments.last();
}

namespace {

// One logical call through the policy: the first attempt and at most one replay.
struct BearerCall : std::enable_shared_from_this<BearerCall>
{
    BearerCall(HttpRequest r, NextPolicy n, HttpCallback d)
        : request(std::move(r))
        , next(std::move(n))
        , done(std::move(d))
    {}

    HttpRequest request;
    NextPolicy next;
    HttpCallback done;
    std::shared_ptr<Identity::TokenCredential> credential;
    std::shared_ptr<Clock> clock;
    Identity::TokenRequest tokenRequest;
    bool replay = false;

    bool isCancelled() const { return request.cancellation && request.cancellation->isCancelled(); }

    void getToken(bool forceRefresh)
    {
        Identity::TokenRequest r = tokenRequest;
        r.forceRefresh = forceRefresh;
        auto self = shared_from_this();
        credential->getToken(r,
                             [self, forceRefresh](const std::optional<Identity::AccessToken> &token,
                                                  const Identity::AuthError &error) {
                                 self->onToken(token, error, forceRefresh);
                             });
    }

    void onToken(const std::optional<Identity::AccessToken> &token,
                 const Identity::AuthError &error,
                 bool forced)
    {
        if (isCancelled()) {
            done(cancelledResponse());
            return;
        }
        if (!token) {
            done(authFailure(error));
            return;
        }
        if (!forced && token->expiresOnMs > 0 && token->expiresOnMs <= clock->nowMs()) {
            // The credential handed out an expired token (a stale cache): ask once more, skipping
            // it.
            getToken(true);
            return;
        }
        sendWith(*token);
    }

    void sendWith(const Identity::AccessToken &token)
    {
        HttpRequest authorized = request;
        authorized.setHeader("Authorization", "Bearer " + token.token.toUtf8());
        auto self = shared_from_this();
        const QString tokenTenant = token.tenantId;
        next(std::move(authorized), [self, tokenTenant](HttpResponse response) {
            self->onResponse(std::move(response), tokenTenant);
        });
    }

    void onResponse(HttpResponse response, const QString &tokenTenant)
    {
        if (response.status != 401 || replay || isCancelled()) {
            done(std::move(response));
            return;
        }
        const QString ours = !tokenTenant.isEmpty()        ? tokenTenant
                             : !request.tenantId.isEmpty() ? request.tenantId
                                                           : credential->defaultTenantId();
        const QString theirs = BearerTokenPolicy::challengeTenant(response);
        if (!isGenericTenant(theirs) && !ours.isEmpty()
            && theirs.compare(ours, Qt::CaseInsensitive) != 0) {
            // ARM wants a token of another tenant (InvalidAuthenticationTokenTenant): refreshing
            // ours can't help. The caller decides whether to ask for that tenant's token.
            qCInfo(lcHttp).noquote() << "401 asks for a token of tenant" << theirs << "instead of"
                                     << ours << "- not refreshing";
            done(std::move(response));
            return;
        }
        qCInfo(lcHttp).noquote() << "401 from" << LogPolicy::redactedUrl(request.url)
                                 << "- refreshing the token once and replaying the request";
        replay = true;
        getToken(true);
    }
};

} // namespace

void BearerTokenPolicy::send(HttpRequest request, const NextPolicy &next, HttpCallback done)
{
    if (!isSecureOrLoopback(request.url)) {
        qCWarning(lcHttp).noquote()
            << "Refused to send a token over plain http to" << LogPolicy::redactedUrl(request.url);
        done(httpsRequired(request.url));
        return;
    }
    if (request.cancellation && request.cancellation->isCancelled()) {
        done(cancelledResponse());
        return;
    }
    auto call = std::make_shared<BearerCall>(std::move(request), next, std::move(done));
    call->credential = m_credential;
    call->clock = m_clock;
    call->tokenRequest.scopes = QStringList{call->request.scope.isEmpty() ? m_defaultScope
                                                                          : call->request.scope};
    call->tokenRequest.tenantId = call->request.tenantId;
    call->tokenRequest.cancellation = call->request.cancellation;
    call->getToken(false);
}

} // namespace Dps::Http
