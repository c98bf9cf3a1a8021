#pragma once

#include "Pipeline.h"

#include <QLoggingCategory>
#include <QNetworkAccessManager>
#include <QPointer>
#include <QSslCertificate>

#include <functional>

Q_DECLARE_LOGGING_CATEGORY(lcHttp)

namespace Dps::Identity {
class TokenCredential;
}

namespace Dps::Http {

// Sets x-ms-client-request-id (a new GUID per logical call, kept across retries) unless one is set.
class RequestIdPolicy : public Policy
{
public:
    void send(HttpRequest request, const NextPolicy &next, HttpCallback done) override;
};

// User-Agent: "dps-setup/<version> (<os>; Qt <version>)" (an empty userAgent means that default).
class UserAgentPolicy : public Policy
{
public:
    explicit UserAgentPolicy(QByteArray userAgent = {});
    void send(HttpRequest request, const NextPolicy &next, HttpCallback done) override;
    static QByteArray defaultUserAgent();

private:
    QByteArray m_userAgent;
};

struct RetryOptions
{
    int maxRetries = 3;
    int baseDelayMs = 800;       // 0.8 s x 2^n
    int maxDelayMs = 60000;      // one wait
    int maxTotalWaitMs = 120000; // all waits of one call together
};

// Retries 408, 429, 500, 502, 503, 504 and transport errors of idempotent requests; 429 and 503 that
// carry a server delay also for POST/PATCH (the server says it did not process them). Waits what the
// server asks: retry-after-ms, x-ms-retry-after-ms, Retry-After (seconds or HTTP-date); otherwise
// exponential back-off with jitter, at most maxDelayMs. A server delay above maxDelayMs, or a wait that
// would exceed maxTotalWaitMs, ends the retries with that response (its Retry-After tells the caller how
// long). Waits on the injected Clock, never blocking; a cancel during a wait completes at once.
//
//   send ──► next ──► retriable? ──no──► done(response, attempts)
//             ▲           │yes
//             └── clock.callLater(delay) ◄── budget left? ──no──► done(response)
class RetryPolicy : public Policy
{
public:
    RetryPolicy(RetryOptions options, std::shared_ptr<Clock> clock,
                std::function<double()> jitter = {}); // jitter in [0.8, 1.3); default random
    void send(HttpRequest request, const NextPolicy &next, HttpCallback done) override;

    // The wait the server asked for, in ms, or -1 when it asked for none (exposed for unit tests).
    static qint64 serverDelayMs(const HttpResponse &response, qint64 nowMs);
    static bool isRetriable(const HttpRequest &request, const HttpResponse &response);
    // RFC 9110 HTTP-date (IMF-fixdate, RFC 850 or asctime), in ms since the epoch; -1 if it is none.
    static qint64 parseHttpDate(const QByteArray &value);

private:
    struct Attempt;
    void attempt(std::shared_ptr<Attempt> state);

    RetryOptions m_options;
    std::shared_ptr<Clock> m_clock;
    std::function<double()> m_jitter;
    QObject m_context; // owner of pending timers: destroying the policy drops them
};

// Authorization: Bearer for https (and loopback http: the sandbox). Asks the credential for a token of
// (request.tenantId or the credential's tenant, request.scope or the default scope) on every attempt; the
// credential caches per (tenant, scope) and refreshes when less than 5 minutes are left. After a 401, one
// getToken(forceRefresh) and one replay, unless the 401's challenge names another tenant (a refresh for
// ours would not help: the caller must ask for that tenant's token). Refuses to send a token over plain
// http to a non-loopback host (status 0, errorCode "HttpsRequired"); a failed getToken completes the
// call with status 0 and the AuthError's code and userMessage().
class BearerTokenPolicy : public Policy
{
public:
    BearerTokenPolicy(std::shared_ptr<Identity::TokenCredential> credential, QString defaultScope,
                      std::shared_ptr<Clock> clock);
    void send(HttpRequest request, const NextPolicy &next, HttpCallback done) override;
    // The tenant named by `WWW-Authenticate: Bearer authorization_uri=".../{tenant}"`, or empty.
    static QString challengeTenant(const HttpResponse &response);

private:
    std::shared_ptr<Identity::TokenCredential> m_credential;
    QString m_defaultScope;
    std::shared_ptr<Clock> m_clock;
};

// Logs (category dps.http) method, redacted URL (only api-version kept in the query), status, duration
// and allow-listed headers; every other header value prints as REDACTED. Never logs a body.
class LogPolicy : public Policy
{
public:
    void send(HttpRequest request, const NextPolicy &next, HttpCallback done) override;
    static QString redactedUrl(const QUrl &url);
    static QString redactedHeaders(const QList<QPair<QByteArray, QByteArray>> &headers);
};

// The only class that touches QNetworkAccessManager. Enforces the per-attempt timeout and cancellation,
// never ignores TLS errors; `extraCaCertificates` lets the sandbox's self-signed certificate (or a
// private cloud's CA) be trusted, for requests to `extraCaOrigins` only (scheme, host and port): a CA
// given for a sandbox never vouches for management.azure.com.
class QnamTransport : public Policy
{
public:
    explicit QnamTransport(QNetworkAccessManager *nam, QList<QSslCertificate> extraCaCertificates = {},
                           QList<QUrl> extraCaOrigins = {});
    void send(HttpRequest request, const NextPolicy &next, HttpCallback done) override;
    static bool sameOrigin(const QUrl &a, const QUrl &b);

private:
    QPointer<QNetworkAccessManager> m_nam;
    QList<QSslCertificate> m_extraCa;
    QList<QUrl> m_extraCaOrigins;
    QObject m_context; // owns the replies in flight: destroying the transport aborts them
};

// https is required for every host except loopback (127.0.0.0/8, ::1, localhost).
bool isLoopback(const QUrl &url);
bool isSecureOrLoopback(const QUrl &url);

struct PipelineOptions
{
    QByteArray userAgent;
    RetryOptions retry;
    QString defaultScope;             // e.g. https://management.azure.com/.default
    QList<QSslCertificate> extraCa;   // sandbox over TLS, a private cloud's CA...
    QList<QUrl> extraCaOrigins;       // ...trusted for these endpoints only (none: nowhere)
};

// The standard order of STYLE.md section 2.
std::shared_ptr<Pipeline> makeArmPipeline(QNetworkAccessManager *nam,
                                          std::shared_ptr<Identity::TokenCredential> credential,
                                          const PipelineOptions &options,
                                          std::shared_ptr<Clock> clock = SystemClock::instance());
// Without the bearer policy (the token endpoint itself).
std::shared_ptr<Pipeline> makeAnonymousPipeline(QNetworkAccessManager *nam, const PipelineOptions &options,
                                                std::shared_ptr<Clock> clock = SystemClock::instance());

} // namespace Dps::Http
