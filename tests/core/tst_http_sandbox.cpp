// The real path (STYLE.md section 11): ClientSecretCredential and the full ARM pipeline over a real
// QNetworkAccessManager against a real arm-sandbox process, over HTTP and HTTPS. Faults (429, 503,
// delays, dropped connections) are injected through the sandbox's admin API; waits use the real
// clock.
#include "FakeTransport.h"
#include "LogCapture.h"
#include "SandboxFixture.h"

#include "http/Policies.h"
#include "identity/ClientSecretCredential.h"
#include "identity/EnvironmentCredential.h"

#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QNetworkAccessManager>
#include <QTest>
#include <QTimer>

#include <gtest/gtest.h>

using namespace Dps;
using namespace Dps::Http;
using Dps::Identity::AccessToken;
using Dps::Identity::AuthError;
using Dps::Identity::ClientSecretCredential;
using Dps::Test::HttpClient;
using Dps::Test::SandboxProcess;
using Dps::Test::sendAndWait;

namespace {

const QString kArmScope = QStringLiteral("https://management.azure.com/.default");

// A running sandbox plus the app's real pipelines pointed at it.
class SandboxPipelines
{
public:
    explicit SandboxPipelines(SandboxProcess::Options options = {})
        : m_sandbox(std::move(options))
    {}

    bool start(QString *error,
               qint64 refreshMarginMs = Identity::TokenCache::kDefaultRefreshMarginMs)
    {
        if (!m_sandbox.start(error))
            return false;
        m_admin = std::make_unique<HttpClient>(&m_sandbox);
        if (!m_sandbox.caCertificatePath().isEmpty())
            m_options.extraCa = QSslCertificate::fromPath(m_sandbox.caCertificatePath(), QSsl::Pem);
        m_options.extraCaOrigins = {m_sandbox.baseUrl()};
        m_options.defaultScope = kArmScope;
        m_anonymous = makeAnonymousPipeline(&m_nam, m_options);
        m_credential = Identity::makeSandboxCredential(m_anonymous, m_sandbox.info(), error);
        if (!m_credential)
            return false;
        m_credential->setRefreshMarginMs(refreshMarginMs);
        m_arm = makeArmPipeline(&m_nam, m_credential, m_options);
        return true;
    }

    std::shared_ptr<ClientSecretCredential> credentialWithSecret(const QString &secret,
                                                                 const QString &tenant = {},
                                                                 const QString &clientId = {}) const
    {
        const QJsonObject sp = m_sandbox.info().value(QStringLiteral("servicePrincipal")).toObject();
        auto endpoint = std::make_shared<Identity::TokenEndpoint>(
            m_anonymous, QUrl(m_sandbox.info().value(QStringLiteral("authorityHost")).toString()));
        return std::make_shared<ClientSecretCredential>(
            endpoint,
            tenant.isEmpty() ? sp.value(QStringLiteral("tenantId")).toString() : tenant,
            clientId.isEmpty() ? sp.value(QStringLiteral("clientId")).toString() : clientId,
            secret);
    }

    QUrl armUrl(const QString &path, const QString &apiVersion = QStringLiteral("2022-12-01")) const
    {
        return m_admin->arm(path, apiVersion);
    }
    HttpRequest request(const QByteArray &method,
                        const QString &path,
                        const QString &apiVersion = QStringLiteral("2022-12-01")) const
    {
        HttpRequest r;
        r.method = method;
        r.url = armUrl(path, apiVersion);
        return r;
    }
    std::optional<HttpResponse> send(HttpRequest request, int timeoutMs = 15000) const
    {
        return sendAndWait(*m_arm, std::move(request), timeoutMs);
    }

    // POST /_sandbox/faults
    void addFault(const QJsonObject &rule)
    {
        const auto r = m_admin->postJson(QUrl(m_sandbox.baseUrl().toString()
                                              + QStringLiteral("_sandbox/faults")),
                                         rule);
        ASSERT_EQ(r.status, 201) << r.body.constData();
    }
    void advanceSandboxClock(int seconds)
    {
        const auto r = m_admin->postJson(QUrl(m_sandbox.baseUrl().toString()
                                              + QStringLiteral("_sandbox/clock")),
                                         QJsonObject{{QStringLiteral("advanceSeconds"), seconds}});
        ASSERT_EQ(r.status, 200) << r.body.constData();
    }
    // GET /_sandbox/requests: what reached the sandbox (method, path, status, client request id).
    QJsonArray requestLog() const
    {
        return m_admin
            ->get(QUrl(m_sandbox.baseUrl().toString() + QStringLiteral("_sandbox/requests")))
            .json()
            .value(QStringLiteral("value"))
            .toArray();
    }
    QJsonArray requestsTo(const QString &pathSuffix) const
    {
        QJsonArray out;
        for (const QJsonValue &e : requestLog()) {
            if (e.toObject().value(QStringLiteral("path")).toString().endsWith(pathSuffix))
                out.append(e);
        }
        return out;
    }
    static QList<int> statuses(const QJsonArray &entries)
    {
        QList<int> out;
        for (const QJsonValue &e : entries)
            out.append(e.toObject().value(QStringLiteral("status")).toInt());
        return out;
    }

    SandboxProcess &sandbox() { return m_sandbox; }
    std::shared_ptr<ClientSecretCredential> credential() const { return m_credential; }
    std::shared_ptr<Pipeline> arm() const { return m_arm; }
    QNetworkAccessManager &nam() { return m_nam; }
    PipelineOptions options() const { return m_options; }
    QString secret() const
    {
        return m_sandbox.info()
            .value(QStringLiteral("servicePrincipal"))
            .toObject()
            .value(QStringLiteral("clientSecret"))
            .toString();
    }

private:
    SandboxProcess m_sandbox;
    std::unique_ptr<HttpClient> m_admin;
    QNetworkAccessManager m_nam;
    PipelineOptions m_options;
    std::shared_ptr<Pipeline> m_anonymous;
    std::shared_ptr<ClientSecretCredential> m_credential;
    std::shared_ptr<Pipeline> m_arm;
};

struct TokenResult
{
    std::optional<AccessToken> token;
    AuthError error;
};

TokenResult getToken(Identity::TokenCredential &credential, bool forceRefresh = false)
{
    TokenResult result;
    bool done = false;
    credential.getToken(Identity::TokenRequest{{kArmScope}, {}, forceRefresh, {}},
                        [&](const std::optional<AccessToken> &t, const AuthError &e) {
                            result.token = t;
                            result.error = e;
                            done = true;
                        });
    EXPECT_TRUE(QTest::qWaitFor([&] { return done; }, 15000));
    return result;
}

SandboxProcess::Options tlsOptions()
{
    SandboxProcess::Options o;
    o.tls = true;
    return o;
}

} // namespace

#define START_SANDBOX(env, ...) \
    QString startError; \
    ASSERT_TRUE((env).start(&startError, ##__VA_ARGS__)) << qPrintable(startError)

// ---- Identity against the sandbox's Entra endpoints ---------------------------------------------

TEST(SandboxIdentity, ClientSecretCredentialGetsAToken)
{
    SandboxPipelines env;
    START_SANDBOX(env);
    const qint64 before = QDateTime::currentMSecsSinceEpoch();
    const TokenResult result = getToken(*env.credential());
    ASSERT_TRUE(result.token) << qPrintable(result.error.technicalDetails());
    EXPECT_EQ(result.token->token.count(QLatin1Char('.')), 2); // a JWT
    EXPECT_EQ(result.token->tenantId, env.sandbox().tenantId());
    EXPECT_NEAR(double(result.token->expiresOnMs - before), 3600e3, 10e3);
    // A second call is answered from the cache.
    ASSERT_TRUE(getToken(*env.credential()).token);
    EXPECT_EQ(env.requestsTo(QStringLiteral("/oauth2/v2.0/token")).size(), 1);
}

TEST(SandboxIdentity, AWrongSecretIsInvalidClientWithAClearMessage)
{
    SandboxPipelines env;
    START_SANDBOX(env);
    auto credential = env.credentialWithSecret(QStringLiteral("not-the-secret+%41"));
    const TokenResult result = getToken(*credential);
    ASSERT_FALSE(result.token);
    EXPECT_EQ(result.error.error, QStringLiteral("invalid_client"));
    EXPECT_EQ(result.error.aadstsCodes, QList<int>{7000215});
    EXPECT_EQ(result.error.httpStatus, 401);
    EXPECT_FALSE(result.error.traceId.isEmpty());
    EXPECT_FALSE(result.error.correlationId.isEmpty());
    EXPECT_TRUE(result.error.userMessage().contains(QLatin1String("client secret is wrong")))
        << qPrintable(result.error.userMessage());
    EXPECT_FALSE(result.error.isInteractionRequired());
}

TEST(SandboxIdentity, ASecretWithReservedCharactersArrivesIntact)
{
    // The sandbox compares the decoded form value; a '+' sent raw would arrive as a space.
    SandboxPipelines env;
    START_SANDBOX(env);
    const TokenResult right = getToken(*env.credentialWithSecret(env.secret()));
    ASSERT_TRUE(right.token);
    const TokenResult spaced = getToken(
        *env.credentialWithSecret(env.secret() + QStringLiteral("+")));
    EXPECT_EQ(spaced.error.aadstsCodes, QList<int>{7000215});
}

TEST(SandboxIdentity, AnUnknownClientIdOrTenantSaysWhichOne)
{
    SandboxPipelines env;
    START_SANDBOX(env);
    const TokenResult app = getToken(
        *env.credentialWithSecret(env.secret(),
                                  {},
                                  QStringLiteral("00000000-1111-4222-8333-444444444444")));
    EXPECT_EQ(app.error.aadstsCodes, QList<int>{700016});
    EXPECT_TRUE(app.error.userMessage().contains(QLatin1String("client (application) ID")))
        << qPrintable(app.error.userMessage());
    const TokenResult tenant = getToken(
        *env.credentialWithSecret(env.secret(),
                                  QStringLiteral("00000000-1111-4222-8333-555555555555")));
    EXPECT_EQ(tenant.error.aadstsCodes, QList<int>{90002});
    EXPECT_TRUE(tenant.error.userMessage().contains(QLatin1String("tenant was not found")))
        << qPrintable(tenant.error.userMessage());
}

// ---- The ARM pipeline ---------------------------------------------------------------------------

TEST(SandboxPipeline, ListsSubscriptionsOverHttp)
{
    SandboxPipelines env;
    START_SANDBOX(env);
    const auto response = env.send(env.request("GET", QStringLiteral("/subscriptions")));
    ASSERT_TRUE(response);
    ASSERT_EQ(response->status, 200) << response->body.constData();
    const QJsonArray value
        = QJsonDocument::fromJson(response->body).object().value(QStringLiteral("value")).toArray();
    ASSERT_EQ(value.size(), 1);
    EXPECT_EQ(value.at(0).toObject().value(QStringLiteral("subscriptionId")).toString(),
              env.sandbox().subscriptionId());
    EXPECT_EQ(response->attempts, 1);
    EXPECT_FALSE(response->header("x-ms-request-id").isEmpty());
}

TEST(SandboxPipeline, ListsSubscriptionsOverHttpsTrustingTheSandboxCertificate)
{
    SandboxPipelines env(tlsOptions());
    START_SANDBOX(env);
    ASSERT_EQ(env.sandbox().baseUrl().scheme(), QStringLiteral("https"));
    const auto response = env.send(env.request("GET", QStringLiteral("/subscriptions")));
    ASSERT_TRUE(response);
    EXPECT_EQ(response->status, 200) << qPrintable(response->errorString);
}

TEST(SandboxPipeline, RefusesAnUntrustedCertificateAndDoesNotRetry)
{
    SandboxPipelines env(tlsOptions());
    START_SANDBOX(env);
    ASSERT_TRUE(getToken(*env.credential()).token); // the token pipeline trusts the certificate...
    PipelineOptions untrusting = env.options();
    untrusting.extraCa.clear(); // ...this ARM pipeline does not. Its own QNAM: QNAM would reuse the
    QNetworkAccessManager nam;  // connection the token request verified with the sandbox's CA.
    auto arm = makeArmPipeline(&nam, env.credential(), untrusting);
    const auto response = sendAndWait(*arm,
                                      env.request("GET", QStringLiteral("/subscriptions")),
                                      15000);
    ASSERT_TRUE(response);
    EXPECT_EQ(response->status, 0);
    EXPECT_EQ(response->networkError, QNetworkReply::SslHandshakeFailedError)
        << qPrintable(response->errorString);
    EXPECT_EQ(response->attempts, 1);
    EXPECT_TRUE(env.requestsTo(QStringLiteral("/subscriptions")).isEmpty());
}

// An extra CA (a sandbox's, a private cloud's) is trusted for the origins it was given for, and for no
// other: the same certificate, offered for another origin, is refused.
TEST(SandboxPipeline, AnExtraCaIsTrustedOnlyForItsOwnOrigins)
{
    SandboxPipelines env(tlsOptions());
    START_SANDBOX(env);
    ASSERT_TRUE(getToken(*env.credential()).token);
    const QUrl base = env.sandbox().baseUrl();
    struct Case
    {
        QList<QUrl> origins;
        bool trusted;
    };
    const QList<Case> cases{
        {{base}, true},
        {{QUrl(QStringLiteral("https://127.0.0.1:%1/elsewhere/").arg(base.port()))}, true}, // same origin, other path
        {{QUrl(QStringLiteral("https://127.0.0.1:%1/").arg(base.port() == 1 ? 2 : base.port() - 1))}, false}, // other port
        {{QUrl(QStringLiteral("https://localhost:%1/").arg(base.port()))}, false},                            // other host
        {{QUrl(QStringLiteral("http://127.0.0.1:%1/").arg(base.port()))}, false},                             // other scheme
        {{}, false},
    };
    for (const Case &c : cases) {
        PipelineOptions options = env.options();
        options.extraCaOrigins = c.origins;
        QNetworkAccessManager nam; // its own: a QNAM reuses a connection verified with the CA
        auto arm = makeArmPipeline(&nam, env.credential(), options);
        const auto response = sendAndWait(*arm, env.request("GET", QStringLiteral("/subscriptions")), 15000);
        ASSERT_TRUE(response);
        const QString origins = c.origins.isEmpty() ? QStringLiteral("(none)") : c.origins.first().toString();
        if (c.trusted)
            EXPECT_EQ(response->status, 200) << qPrintable(origins) << ": " << qPrintable(response->errorString);
        else
            EXPECT_EQ(response->networkError, QNetworkReply::SslHandshakeFailedError) << qPrintable(origins);
    }
}

// 429 (throttled) and 503 (unavailable) are retried once the server's Retry-After has passed.
class SandboxPipelineRetryAfter : public ::testing::TestWithParam<int>
{
};

TEST_P(SandboxPipelineRetryAfter, RetriesAfterItsRetryAfter)
{
    const int status = GetParam();
    SandboxPipelines env;
    START_SANDBOX(env);
    env.addFault(QJsonObject{{QStringLiteral("method"), QStringLiteral("GET")},
                             {QStringLiteral("path"), QStringLiteral("/subscriptions$")},
                             {QStringLiteral("status"), status},
                             {QStringLiteral("retryAfter"), 1},
                             {QStringLiteral("count"), 1}});
    QElapsedTimer elapsed;
    elapsed.start();
    const auto response = env.send(env.request("GET", QStringLiteral("/subscriptions")));
    const qint64 ms = elapsed.elapsed();
    ASSERT_TRUE(response);
    EXPECT_EQ(response->status, 200);
    EXPECT_EQ(response->attempts, 2);
    EXPECT_GE(ms, 950); // the server's second was honoured
    EXPECT_LT(ms, 5000);
    const QJsonArray calls = env.requestsTo(QStringLiteral("/subscriptions"));
    EXPECT_EQ(SandboxPipelines::statuses(calls), (QList<int>{status, 200}));
    ASSERT_EQ(calls.size(), 2);
    const QString id = calls.at(0).toObject().value(QStringLiteral("clientRequestId")).toString();
    EXPECT_FALSE(id.isEmpty());
    EXPECT_EQ(calls.at(1).toObject().value(QStringLiteral("clientRequestId")).toString(),
              id); // one logical call
}

INSTANTIATE_TEST_SUITE_P(SandboxPipeline, SandboxPipelineRetryAfter, ::testing::Values(429, 503));

TEST(SandboxPipeline, RetriesAThrottledPostThatTheServerDidNotProcess)
{
    SandboxPipelines env;
    START_SANDBOX(env);
    const QString path = QStringLiteral("/subscriptions/%1/providers/Microsoft.Devices/register")
                             .arg(env.sandbox().subscriptionId());
    env.addFault(QJsonObject{{QStringLiteral("method"), QStringLiteral("POST")},
                             {QStringLiteral("path"), QStringLiteral("/register$")},
                             {QStringLiteral("status"), 429},
                             {QStringLiteral("retryAfter"), 1},
                             {QStringLiteral("count"), 1}});
    const auto response = env.send(env.request("POST", path, QStringLiteral("2021-04-01")));
    ASSERT_TRUE(response);
    EXPECT_EQ(response->status, 200) << response->body.constData();
    EXPECT_EQ(response->attempts, 2);
}

TEST(SandboxPipeline, DoesNotRetryAPostThatFailedWith500)
{
    SandboxPipelines env;
    START_SANDBOX(env);
    const QString path = QStringLiteral("/subscriptions/%1/providers/Microsoft.Devices/register")
                             .arg(env.sandbox().subscriptionId());
    env.addFault(QJsonObject{{QStringLiteral("method"), QStringLiteral("POST")},
                             {QStringLiteral("path"), QStringLiteral("/register$")},
                             {QStringLiteral("status"), 500},
                             {QStringLiteral("count"), 1}});
    const auto response = env.send(env.request("POST", path, QStringLiteral("2021-04-01")));
    ASSERT_TRUE(response);
    EXPECT_EQ(response->status, 500);
    EXPECT_EQ(env.requestsTo(QStringLiteral("/register")).size(), 1);
}

TEST(SandboxPipeline, RefreshesAnExpiredTokenMidFlow)
{
    SandboxPipelines env;
    START_SANDBOX(env);
    ASSERT_EQ(env.send(env.request("GET", QStringLiteral("/subscriptions")))->status, 200);
    env.advanceSandboxClock(3700); // the cached token is now expired for ARM, not for our cache
    const auto response = env.send(env.request("GET", QStringLiteral("/subscriptions")));
    ASSERT_TRUE(response);
    EXPECT_EQ(response->status, 200) << response->body.constData();
    EXPECT_EQ(SandboxPipelines::statuses(env.requestsTo(QStringLiteral("/subscriptions"))),
              (QList<int>{200, 401, 200}));
    EXPECT_EQ(env.requestsTo(QStringLiteral("/oauth2/v2.0/token")).size(), 2); // one forced refresh
    // Later calls use the new token.
    EXPECT_EQ(env.send(env.request("GET", QStringLiteral("/subscriptions")))->status, 200);
    EXPECT_EQ(env.requestsTo(QStringLiteral("/oauth2/v2.0/token")).size(), 2);
}

TEST(SandboxPipeline, RenewsATokenShortlyBeforeItExpiresWithoutA401)
{
    SandboxProcess::Options options;
    options.tokenLifetime = 5;
    SandboxPipelines env(options);
    START_SANDBOX(env, 4000); // renew when less than 4 s are left: after about 1 s
    ASSERT_EQ(env.send(env.request("GET", QStringLiteral("/subscriptions")))->status, 200);
    QTest::qWait(1200);
    ASSERT_EQ(env.send(env.request("GET", QStringLiteral("/subscriptions")))->status, 200);
    EXPECT_EQ(SandboxPipelines::statuses(env.requestsTo(QStringLiteral("/subscriptions"))),
              (QList<int>{200, 200}));
    EXPECT_EQ(env.requestsTo(QStringLiteral("/oauth2/v2.0/token")).size(), 2);
}

TEST(SandboxPipeline, RefusesPlainHttpToANonLoopbackHostWithoutSendingTheToken)
{
    SandboxPipelines env;
    START_SANDBOX(env);
    HttpRequest request = env.request("GET", QStringLiteral("/subscriptions"));
    request.url.setHost(QStringLiteral("sandbox.example.com")); // same port, not loopback
    const auto response = env.send(request);
    ASSERT_TRUE(response);
    EXPECT_EQ(response->status, 0);
    EXPECT_EQ(response->errorCode, QStringLiteral("HttpsRequired"));
    EXPECT_EQ(response->attempts, 1);
    EXPECT_TRUE(env.requestLog().isEmpty()); // no token was even asked for
}

TEST(SandboxPipeline, TimesOutASlowAnswerAndRetriesIt)
{
    SandboxPipelines env;
    START_SANDBOX(env);
    ASSERT_TRUE(getToken(*env.credential()).token);
    env.addFault(QJsonObject{{QStringLiteral("method"), QStringLiteral("GET")},
                             {QStringLiteral("path"), QStringLiteral("/subscriptions$")},
                             {QStringLiteral("delayMs"), 4000},
                             {QStringLiteral("count"), 1}});
    HttpRequest request = env.request("GET", QStringLiteral("/subscriptions"));
    request.timeoutMs = 500;
    QElapsedTimer elapsed;
    elapsed.start();
    const auto response = env.send(request);
    ASSERT_TRUE(response);
    EXPECT_EQ(response->status, 200);
    EXPECT_EQ(response->attempts, 2);
    EXPECT_LT(elapsed.elapsed(), 3500); // 0.5 s timeout + about 0.8 s back-off, not the 4 s delay
}

TEST(SandboxPipeline, CancelsWhileTheSandboxDelays)
{
    SandboxPipelines env;
    START_SANDBOX(env);
    ASSERT_TRUE(getToken(*env.credential()).token);
    env.addFault(QJsonObject{{QStringLiteral("method"), QStringLiteral("GET")},
                             {QStringLiteral("path"), QStringLiteral("/subscriptions$")},
                             {QStringLiteral("delayMs"), 5000},
                             {QStringLiteral("count"), 1}});
    HttpRequest request = env.request("GET", QStringLiteral("/subscriptions"));
    request.cancellation = std::make_shared<CancellationToken>();
    const auto cancellation = request.cancellation;
    QTimer::singleShot(300, [cancellation] { cancellation->cancel(); });
    QElapsedTimer elapsed;
    elapsed.start();
    const auto response = env.send(request);
    ASSERT_TRUE(response);
    EXPECT_TRUE(response->cancelled);
    EXPECT_EQ(response->attempts, 1);
    EXPECT_LT(elapsed.elapsed(), 2000);
}

TEST(SandboxPipeline, RetriesADroppedConnection)
{
    SandboxPipelines env;
    START_SANDBOX(env);
    env.addFault(QJsonObject{{QStringLiteral("method"), QStringLiteral("GET")},
                             {QStringLiteral("path"), QStringLiteral("/subscriptions$")},
                             {QStringLiteral("drop"), true},
                             {QStringLiteral("count"), 2}});
    const auto response = env.send(env.request("GET", QStringLiteral("/subscriptions")));
    ASSERT_TRUE(response);
    EXPECT_EQ(response->status, 200) << qPrintable(response->errorString);
    // QNAM itself resends once when a connection closes before the answer; the second drop is ours.
    EXPECT_GE(response->attempts, 2);
}

TEST(SandboxPipeline, LogsNeitherTheTokenNorTheSecret)
{
    SandboxPipelines env;
    START_SANDBOX(env);
    env.addFault(QJsonObject{{QStringLiteral("method"), QStringLiteral("GET")},
                             {QStringLiteral("path"), QStringLiteral("/subscriptions$")},
                             {QStringLiteral("status"), 429},
                             {QStringLiteral("retryAfter"), 0},
                             {QStringLiteral("count"), 1}});
    Dps::Test::LogCapture log;
    ASSERT_EQ(env.send(env.request("GET", QStringLiteral("/subscriptions")))->status, 200);
    const TokenResult cached = getToken(*env.credential());
    ASSERT_TRUE(cached.token);
    const QString text = log.text();
    EXPECT_FALSE(text.contains(cached.token->token)) << qPrintable(text);
    EXPECT_FALSE(text.contains(cached.token->token.section(QLatin1Char('.'), 1, 1)))
        << qPrintable(text); // nor its claims
    EXPECT_FALSE(text.contains(env.secret())) << qPrintable(text);
    EXPECT_TRUE(text.contains(QLatin1String("Response 429 GET"))) << qPrintable(text);
    EXPECT_TRUE(text.contains(QLatin1String("Authorization: REDACTED"))) << qPrintable(text);
}
