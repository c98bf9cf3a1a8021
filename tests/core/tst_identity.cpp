// Unit tests of the identity layer: TokenEndpoint (form, parsing, Entra errors), TokenCache,
// ClientSecretCredential (cache per tenant and scope, refresh margin, forced refresh, shared
// requests), AuthError messages and the EnvironmentCredential factory. FakeTransport stands in for
// the network.
#include "FakeClock.h"
#include "FakeTransport.h"
#include "LogCapture.h"

#include "http/Policies.h"
#include "identity/ClientSecretCredential.h"
#include "identity/EnvironmentCredential.h"
#include "identity/SignIn.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSignalSpy>
#include <QTest>
#include <QUrlQuery>

#include <gtest/gtest.h>

using namespace Dps;
using namespace Dps::Identity;
using Dps::Test::FakeClock;
using Dps::Test::FakeTransport;
using Dps::Test::LogCapture;

namespace {

const QString kArmScope = QStringLiteral("https://management.azure.com/.default");
const QString kSecret = QStringLiteral("s3cr+t&x=y %41/é~");

QJsonObject tokenJson(const QString &token, int expiresIn = 3600)
{
    return QJsonObject{{QStringLiteral("token_type"), QStringLiteral("Bearer")},
                       {QStringLiteral("expires_in"), expiresIn},
                       {QStringLiteral("ext_expires_in"), expiresIn},
                       {QStringLiteral("access_token"), token}};
}

QJsonObject entraError(const QString &error, int code, const QString &text)
{
    return QJsonObject{{QStringLiteral("error"), error},
                       {QStringLiteral("error_description"),
                        QStringLiteral("AADSTS%1: %2\r\nTrace ID: t-1\r\nCorrelation ID: "
                                       "c-1\r\nTimestamp: 2026-01-01 00:00:00Z")
                            .arg(code)
                            .arg(text)},
                       {QStringLiteral("error_codes"), QJsonArray{code}},
                       {QStringLiteral("timestamp"), QStringLiteral("2026-01-01 00:00:00Z")},
                       {QStringLiteral("trace_id"), QStringLiteral("trace-1")},
                       {QStringLiteral("correlation_id"), QStringLiteral("corr-1")},
                       {QStringLiteral("error_uri"),
                        QStringLiteral("https://login.microsoftonline.com/error?code=%1").arg(code)}};
}

// An x-www-form-urlencoded decoder as a server has it: '+' is a space.
QList<QPair<QString, QString>> decodeForm(const QByteArray &body)
{
    QList<QPair<QString, QString>> fields;
    for (const QByteArray &pair : body.split('&')) {
        const qsizetype eq = pair.indexOf('=');
        auto decode = [](QByteArray s) { return QUrl::fromPercentEncoding(s.replace('+', ' ')); };
        fields.append({decode(pair.left(eq)), decode(pair.mid(eq + 1))});
    }
    return fields;
}

QString formValue(const QByteArray &body, const QString &key)
{
    for (const auto &f : decodeForm(body)) {
        if (f.first == key)
            return f.second;
    }
    return {};
}

struct Harness
{
    Harness()
    {
        clock = std::make_shared<FakeClock>();
        transport = std::make_shared<FakeTransport>();
        pipeline = Dps::Test::makeTestPipeline({std::make_shared<Http::LogPolicy>()}, transport);
        endpoint = std::make_shared<TokenEndpoint>(pipeline,
                                                   QUrl(QStringLiteral(
                                                       "https://login.example.com/")),
                                                   clock);
        credential = std::make_shared<ClientSecretCredential>(endpoint,
                                                              QStringLiteral("tenant-a"),
                                                              QStringLiteral("client-1"),
                                                              kSecret,
                                                              clock);
    }

    struct Result
    {
        std::optional<AccessToken> token;
        AuthError error;
        bool done = false;
    };

    std::shared_ptr<Result> getToken(const QString &tenant = {},
                                     bool force = false,
                                     Http::CancellationTokenPtr cancellation = {})
    {
        auto result = std::make_shared<Result>();
        TokenRequest request;
        request.scopes = {kArmScope};
        request.tenantId = tenant;
        request.forceRefresh = force;
        request.cancellation = std::move(cancellation);
        credential->getToken(request,
                             [result](const std::optional<AccessToken> &t, const AuthError &e) {
                                 result->token = t;
                                 result->error = e;
                                 result->done = true;
                             });
        return result;
    }

    std::shared_ptr<Result> getTokenAndWait(const QString &tenant = {}, bool force = false)
    {
        auto result = getToken(tenant, force);
        EXPECT_TRUE(QTest::qWaitFor([&] { return result->done; }, 5000));
        return result;
    }

    std::shared_ptr<FakeClock> clock;
    std::shared_ptr<FakeTransport> transport;
    std::shared_ptr<Http::Pipeline> pipeline;
    std::shared_ptr<TokenEndpoint> endpoint;
    std::shared_ptr<ClientSecretCredential> credential;
};

} // namespace

// ---- TokenEndpoint ------------------------------------------------------------------------------

TEST(TokenEndpoint, PostsAnEncodedClientCredentialsFormToTheTenantsTokenUrl)
{
    Harness h;
    h.transport->enqueueJson(200, tokenJson(QStringLiteral("AT-1")));
    const auto result = h.getTokenAndWait();
    ASSERT_TRUE(result->token);
    ASSERT_EQ(h.transport->requestCount(), 1);
    const Http::HttpRequest request = h.transport->lastRequest();
    EXPECT_EQ(request.method, "POST");
    EXPECT_EQ(request.url,
              QUrl(QStringLiteral("https://login.example.com/tenant-a/oauth2/v2.0/token")));
    EXPECT_EQ(request.header("Content-Type"), "application/x-www-form-urlencoded");
    EXPECT_FALSE(request.body.contains('+'))
        << request.body.constData(); // '+' would decode as a space
    EXPECT_EQ(formValue(request.body, QStringLiteral("client_secret")), kSecret);
    EXPECT_EQ(formValue(request.body, QStringLiteral("client_id")), QStringLiteral("client-1"));
    EXPECT_EQ(formValue(request.body, QStringLiteral("scope")), kArmScope);
    EXPECT_EQ(formValue(request.body, QStringLiteral("grant_type")),
              QStringLiteral("client_credentials"));
    EXPECT_TRUE(request.header("Authorization").isEmpty());
}

TEST(TokenEndpoint, JoinsTheAuthorityHostWithOrWithoutATrailingSlash)
{
    auto pipeline = Dps::Test::makeTestPipeline({}, std::make_shared<FakeTransport>());
    EXPECT_EQ(TokenEndpoint(pipeline, QUrl(QStringLiteral("https://login.microsoftonline.us")))
                  .tokenUrl(QStringLiteral("t")),
              QUrl(QStringLiteral("https://login.microsoftonline.us/t/oauth2/v2.0/token")));
    EXPECT_EQ(TokenEndpoint(pipeline, QUrl(QStringLiteral("http://127.0.0.1:5000/")))
                  .tokenUrl(QStringLiteral("contoso.onmicrosoft.com")),
              QUrl(QStringLiteral(
                  "http://127.0.0.1:5000/contoso.onmicrosoft.com/oauth2/v2.0/token")));
    EXPECT_EQ(TokenEndpoint(pipeline, QUrl(QStringLiteral("https://adfs.example.com/adfs/")))
                  .tokenUrl(QStringLiteral("organizations")),
              QUrl(
                  QStringLiteral("https://adfs.example.com/adfs/organizations/oauth2/v2.0/token")));
}

TEST(TokenEndpoint, EncodesEveryReservedCharacterOfAForm)
{
    const QList<QPair<QString, QString>> form{{QStringLiteral("a"), QStringLiteral("1+1=2 & 100%")},
                                              {QStringLiteral("b c"),
                                               QStringLiteral("#?/%41%2B%zz")},
                                              {QStringLiteral("%20"), QStringLiteral("Grüße~._-")}};
    EXPECT_EQ(decodeForm(TokenEndpoint::formBody(form)), form);
}

TEST(TokenEndpoint, ReadsTokenExpiryAndRefreshToken)
{
    Harness h;
    QJsonObject json = tokenJson(QStringLiteral("AT-1"), 3599);
    json.insert(QStringLiteral("refresh_token"), QStringLiteral("RT-1"));
    h.transport->enqueueJson(200, json);
    std::optional<AccessToken> token;
    QString refreshToken;
    bool done = false;
    const qint64 sentAt = h.clock->nowMs();
    h.endpoint->requestToken(QStringLiteral("tenant-x"),
                             {{QStringLiteral("grant_type"), QStringLiteral("refresh_token")}},
                             nullptr,
                             [&](const std::optional<AccessToken> &t,
                                 const QString &rt,
                                 const AuthError &) {
                                 token = t;
                                 refreshToken = rt;
                                 done = true;
                             });
    ASSERT_TRUE(QTest::qWaitFor([&] { return done; }, 5000));
    ASSERT_TRUE(token);
    EXPECT_EQ(token->token, QStringLiteral("AT-1"));
    EXPECT_EQ(token->expiresOnMs, sentAt + 3599 * 1000);
    EXPECT_EQ(token->tenantId, QStringLiteral("tenant-x"));
    EXPECT_EQ(refreshToken, QStringLiteral("RT-1"));
}

TEST(TokenEndpoint, AcceptsExpiresInAsAString)
{
    Harness h;
    QJsonObject json = tokenJson(QStringLiteral("AT-1"));
    json.insert(QStringLiteral("expires_in"), QStringLiteral("600"));
    h.transport->enqueueJson(200, json);
    const auto result = h.getTokenAndWait();
    ASSERT_TRUE(result->token);
    EXPECT_EQ(result->token->expiresOnMs, h.clock->nowMs() + 600 * 1000);
}

TEST(TokenEndpoint, ParsesEntraErrorBodies)
{
    Harness h;
    h.transport->enqueueJson(401,
                             entraError(QStringLiteral("invalid_client"),
                                        7000215,
                                        QStringLiteral("Invalid client secret provided.")));
    const auto result = h.getTokenAndWait();
    EXPECT_FALSE(result->token);
    EXPECT_EQ(result->error.error, QStringLiteral("invalid_client"));
    EXPECT_EQ(result->error.aadstsCodes, QList<int>{7000215});
    EXPECT_EQ(result->error.httpStatus, 401);
    EXPECT_EQ(result->error.traceId, QStringLiteral("trace-1"));
    EXPECT_EQ(result->error.correlationId, QStringLiteral("corr-1"));
    EXPECT_TRUE(result->error.description.startsWith(QLatin1String("AADSTS7000215")));
    EXPECT_TRUE(result->error.userMessage().contains(QLatin1String("client secret is wrong")))
        << qPrintable(result->error.userMessage());
}

TEST(TokenEndpoint, TurnsANonJsonErrorIntoAnHttpError)
{
    Harness h;
    h.transport->enqueue(502, {{"Content-Type", "text/html"}}, "<html>Bad gateway</html>");
    const auto result = h.getTokenAndWait();
    EXPECT_FALSE(result->token);
    EXPECT_EQ(result->error.error, QStringLiteral("temporarily_unavailable"));
    EXPECT_EQ(result->error.httpStatus, 502);
    EXPECT_TRUE(result->error.userMessage().contains(QLatin1String("Try again")))
        << qPrintable(result->error.userMessage());
}

TEST(TokenEndpoint, RejectsASuccessWithoutAnAccessToken)
{
    Harness h;
    h.transport->enqueueJson(200,
                             QJsonObject{{QStringLiteral("token_type"), QStringLiteral("Bearer")}});
    const auto result = h.getTokenAndWait();
    EXPECT_FALSE(result->token);
    EXPECT_EQ(result->error.error, QStringLiteral("invalid_response"));
}

TEST(TokenEndpoint, ReportsANetworkFailure)
{
    Harness h;
    h.transport->enqueueNetworkError(QNetworkReply::HostNotFoundError);
    const auto result = h.getTokenAndWait();
    EXPECT_FALSE(result->token);
    EXPECT_EQ(result->error.error, QStringLiteral("network"));
    EXPECT_TRUE(result->error.userMessage().contains(QLatin1String("network connection")))
        << qPrintable(result->error.userMessage());
}

TEST(TokenEndpoint, RefusesAPlainHttpAuthorityThatIsNotLoopback)
{
    auto clock = std::make_shared<FakeClock>();
    auto transport = std::make_shared<FakeTransport>();
    auto endpoint = std::make_shared<TokenEndpoint>(std::make_shared<Http::Pipeline>(std::vector<std::shared_ptr<Http::Policy>>{transport}),
                                                    QUrl(QStringLiteral(
                                                        "http://login.example.com/")),
                                                    clock);
    ClientSecretCredential credential(endpoint,
                                      QStringLiteral("t"),
                                      QStringLiteral("c"),
                                      kSecret,
                                      clock);
    AuthError error;
    bool done = false;
    credential.getToken(TokenRequest{{kArmScope}, {}, false, {}},
                        [&](const std::optional<AccessToken> &t, const AuthError &e) {
                            EXPECT_FALSE(t);
                            error = e;
                            done = true;
                        });
    ASSERT_TRUE(QTest::qWaitFor([&] { return done; }, 2000));
    EXPECT_EQ(error.error, QStringLiteral("insecure_authority"));
    EXPECT_TRUE(error.userMessage().contains(QLatin1String("https")));
    EXPECT_EQ(transport->requestCount(), 0);
}

TEST(TokenEndpoint, RejectsATenantThatWouldChangeThePath)
{
    Harness h;
    for (const QString &tenant : {QStringLiteral("../evil"),
                                  QStringLiteral("a/b"),
                                  QStringLiteral("a?b"),
                                  QStringLiteral(" ")}) {
        const auto result = h.getTokenAndWait(tenant);
        EXPECT_FALSE(result->token);
        EXPECT_EQ(result->error.error, QStringLiteral("invalid_tenant")) << qPrintable(tenant);
    }
    EXPECT_EQ(h.transport->requestCount(), 0);
    EXPECT_TRUE(
        TokenEndpoint::isValidTenant(QStringLiteral("72f988bf-86f1-41af-91ab-2d7cd011db47")));
    EXPECT_TRUE(TokenEndpoint::isValidTenant(QStringLiteral("contoso.onmicrosoft.com")));
    EXPECT_TRUE(TokenEndpoint::isValidTenant(QStringLiteral("organizations")));
}

TEST(TokenEndpoint, NeverLogsTheSecretTheTokenOrTheBody)
{
    Harness h;
    h.transport->enqueueJson(200, tokenJson(QStringLiteral("ACCESSTOKENVALUE")));
    h.transport->enqueueJson(401,
                             entraError(QStringLiteral("invalid_client"),
                                        7000215,
                                        QStringLiteral("ERRORBODYTEXT")));
    LogCapture log;
    h.getTokenAndWait();
    h.getTokenAndWait(QStringLiteral("tenant-b"));
    const QString text = log.text();
    EXPECT_FALSE(text.contains(QLatin1String("ACCESSTOKENVALUE"))) << qPrintable(text);
    EXPECT_FALSE(text.contains(QLatin1String("s3cr"))) << qPrintable(text);
    EXPECT_FALSE(text.contains(QLatin1String("ERRORBODYTEXT"))) << qPrintable(text);
    EXPECT_TRUE(text.contains(QLatin1String("trace-1")))
        << qPrintable(text); // ids are what support needs
    EXPECT_TRUE(text.contains(QLatin1String("invalid_client"))) << qPrintable(text);
}

// ---- TokenCache ---------------------------------------------------------------------------------

TEST(TokenCache, HandsOutATokenUntilFiveMinutesBeforeItExpires)
{
    TokenCache cache;
    cache.store(QStringLiteral("T"),
                kArmScope,
                AccessToken{QStringLiteral("x"), 1'000'000, QStringLiteral("T")});
    EXPECT_TRUE(cache.find(QStringLiteral("t"),
                           kArmScope,
                           1'000'000 - 300'001)); // tenant ids are case-insensitive
    EXPECT_FALSE(cache.find(QStringLiteral("T"), kArmScope, 1'000'000 - 300'000));
    EXPECT_TRUE(cache.findUnexpired(QStringLiteral("T"), kArmScope, 999'999));
    EXPECT_FALSE(cache.findUnexpired(QStringLiteral("T"), kArmScope, 1'000'000));
    EXPECT_FALSE(cache.find(QStringLiteral("T"), QStringLiteral("other/.default"), 0));
    EXPECT_FALSE(cache.find(QStringLiteral("U"), kArmScope, 0));
    cache.setRefreshMarginMs(0);
    EXPECT_TRUE(cache.find(QStringLiteral("T"), kArmScope, 999'999));
}

// ---- ClientSecretCredential ---------------------------------------------------------------------

TEST(ClientSecretCredential, CachesPerTenantAndScope)
{
    Harness h;
    h.transport->enqueueJson(200, tokenJson(QStringLiteral("AT-a")));
    h.transport->enqueueJson(200, tokenJson(QStringLiteral("AT-b")));
    EXPECT_EQ(h.getTokenAndWait()->token->token, QStringLiteral("AT-a"));
    EXPECT_EQ(h.getTokenAndWait()->token->token, QStringLiteral("AT-a"));
    EXPECT_EQ(h.getTokenAndWait(QStringLiteral("tenant-a"))->token->token,
              QStringLiteral("AT-a")); // the default tenant by name
    const auto b = h.getTokenAndWait(QStringLiteral("tenant-b"));
    ASSERT_TRUE(b->token);
    EXPECT_EQ(b->token->token, QStringLiteral("AT-b"));
    EXPECT_EQ(b->token->tenantId, QStringLiteral("tenant-b"));
    ASSERT_EQ(h.transport->requestCount(), 2);
    EXPECT_EQ(h.transport->requests().at(1).url.path(),
              QStringLiteral("/tenant-b/oauth2/v2.0/token"));
}

TEST(ClientSecretCredential, RenewsATokenWithLessThanFiveMinutesLeft)
{
    Harness h;
    h.transport->enqueueJson(200, tokenJson(QStringLiteral("AT-1"), 3600));
    h.transport->enqueueJson(200, tokenJson(QStringLiteral("AT-2"), 3600));
    EXPECT_EQ(h.getTokenAndWait()->token->token, QStringLiteral("AT-1"));
    h.clock->advance((3600 - 301) * 1000);
    EXPECT_EQ(h.getTokenAndWait()->token->token, QStringLiteral("AT-1"));
    h.clock->advance(2000);
    EXPECT_EQ(h.getTokenAndWait()->token->token, QStringLiteral("AT-2"));
    EXPECT_EQ(h.transport->requestCount(), 2);
}

TEST(ClientSecretCredential, HasAConfigurableRefreshMargin)
{
    Harness h;
    h.credential->setRefreshMarginMs(0);
    h.transport->enqueueJson(200, tokenJson(QStringLiteral("AT-1"), 60));
    h.transport->enqueueJson(200, tokenJson(QStringLiteral("AT-2"), 60));
    h.getTokenAndWait();
    h.clock->advance(59'000);
    EXPECT_EQ(h.getTokenAndWait()->token->token, QStringLiteral("AT-1"));
    h.clock->advance(1'000);
    EXPECT_EQ(h.getTokenAndWait()->token->token, QStringLiteral("AT-2"));
}

TEST(ClientSecretCredential, ForceRefreshSkipsTheCache)
{
    Harness h;
    h.transport->enqueueJson(200, tokenJson(QStringLiteral("AT-1")));
    h.transport->enqueueJson(200, tokenJson(QStringLiteral("AT-2")));
    h.getTokenAndWait();
    EXPECT_EQ(h.getTokenAndWait({}, true)->token->token, QStringLiteral("AT-2"));
    EXPECT_EQ(h.getTokenAndWait()->token->token, QStringLiteral("AT-2"));
    EXPECT_EQ(h.transport->requestCount(), 2);
}

TEST(ClientSecretCredential, ConcurrentCallersShareOneTokenRequest)
{
    Harness h;
    h.transport->enqueueJson(200, tokenJson(QStringLiteral("AT-1")));
    auto a = h.getToken();
    auto b = h.getToken();
    auto c = h.getToken({}, true);
    ASSERT_TRUE(QTest::qWaitFor([&] { return a->done && b->done && c->done; }, 5000));
    EXPECT_EQ(h.transport->requestCount(), 1);
    EXPECT_EQ(a->token->token, QStringLiteral("AT-1"));
    EXPECT_EQ(b->token->token, QStringLiteral("AT-1"));
    EXPECT_EQ(c->token->token, QStringLiteral("AT-1"));
}

TEST(ClientSecretCredential, KeepsUsingAnUnexpiredTokenWhenARenewalFails)
{
    Harness h;
    h.transport->enqueueJson(200, tokenJson(QStringLiteral("AT-1"), 3600));
    h.transport->enqueueNetworkError();
    h.transport->enqueueNetworkError();
    h.getTokenAndWait();
    h.clock->advance(3500 * 1000); // inside the 5-minute margin, not expired
    const auto renewal = h.getTokenAndWait();
    ASSERT_TRUE(renewal->token);
    EXPECT_EQ(renewal->token->token, QStringLiteral("AT-1"));
    // A forced refresh means the server rejected AT-1: don't hand it out again.
    const auto forced = h.getTokenAndWait({}, true);
    EXPECT_FALSE(forced->token);
    EXPECT_EQ(forced->error.error, QStringLiteral("network"));
}

TEST(ClientSecretCredential, ACancelledCallerStopsWaitingWhileOthersGetTheToken)
{
    Harness h;
    h.transport->enqueueJson(200, tokenJson(QStringLiteral("AT-1")));
    auto cancellation = std::make_shared<Http::CancellationToken>();
    auto a = h.getToken({}, false, cancellation);
    auto b = h.getToken();
    cancellation->cancel();
    EXPECT_TRUE(a->done);
    EXPECT_EQ(a->error.error, QStringLiteral("cancelled"));
    ASSERT_TRUE(QTest::qWaitFor([&] { return b->done; }, 5000));
    EXPECT_EQ(b->token->token, QStringLiteral("AT-1"));
}

namespace {

// Keeps every request and never answers; drop() forgets them unanswered, as QnamTransport does when
// the network access manager under it goes away (it aborts without calling back).
class DroppingTransport : public Http::Policy
{
public:
    void send(Http::HttpRequest, const Http::NextPolicy &, Http::HttpCallback done) override
    {
        m_held.append(std::move(done));
    }
    void drop() { m_held.clear(); }
    int held() const { return int(m_held.size()); }

private:
    QList<Http::HttpCallback> m_held;
};

// A client-secret credential whose token endpoint is behind a DroppingTransport.
std::shared_ptr<ClientSecretCredential> credentialOver(const std::shared_ptr<DroppingTransport> &transport)
{
    auto clock = std::make_shared<FakeClock>();
    auto endpoint = std::make_shared<TokenEndpoint>(
        std::make_shared<Http::Pipeline>(std::vector<std::shared_ptr<Http::Policy>>{transport}),
        QUrl(QStringLiteral("https://login.example.com/")), clock);
    return std::make_shared<ClientSecretCredential>(endpoint, QStringLiteral("tenant-a"), QStringLiteral("client-1"),
                                                    kSecret, clock);
}

} // namespace

TEST(ClientSecretCredential, ARequestDroppedUnansweredLetsGoOfItsWaitersAndTheCredential)
{
    auto transport = std::make_shared<DroppingTransport>();
    auto credential = credentialOver(transport);
    const std::weak_ptr<ClientSecretCredential> weak = credential;
    TokenRequest request;
    request.scopes = {kArmScope};
    int answered = 0;
    // Each waiter holds the credential, as the bearer policy's call does: waiter -> credential -> waiter.
    for (int i = 0; i < 2; ++i) {
        credential->getToken(request, [credential, &answered](const std::optional<AccessToken> &, const AuthError &) {
            ++answered;
        });
    }
    ASSERT_EQ(transport->held(), 1); // one request for both
    credential.reset();
    EXPECT_FALSE(weak.expired()); // its waiters still want it
    transport->drop();
    EXPECT_TRUE(weak.expired()) << "the dropped request kept its waiters, and they their credential, alive";
    EXPECT_EQ(answered, 0); // forgotten, never called back into a world that is going away
}

TEST(ClientSecretCredential, AfterADroppedRequestTheNextCallerSendsANewOne)
{
    auto dropping = std::make_shared<DroppingTransport>();
    const auto credential = credentialOver(dropping);
    TokenRequest request;
    request.scopes = {kArmScope};
    credential->getToken(request, [](const std::optional<AccessToken> &, const AuthError &) {});
    dropping->drop();
    credential->getToken(request, [](const std::optional<AccessToken> &, const AuthError &) {});
    EXPECT_EQ(dropping->held(), 1) << "the second caller waited for the request that was dropped";
}

// ---- DeviceCodeSignIn: the server's polling interval ------------------------------------------

namespace {

// The delay before the first poll after a device-code answer whose interval is `interval`.
qint64 firstPollDelayMs(const QJsonValue &interval)
{
    auto clock = std::make_shared<FakeClock>();
    auto transport = std::make_shared<FakeTransport>();
    QJsonObject answer{{QStringLiteral("device_code"), QStringLiteral("DC")},
                       {QStringLiteral("user_code"), QStringLiteral("ABCD-EFGH")},
                       {QStringLiteral("verification_uri"), QStringLiteral("https://login.example.com/device")},
                       {QStringLiteral("expires_in"), 900}};
    if (!interval.isUndefined())
        answer.insert(QStringLiteral("interval"), interval);
    transport->enqueueJson(200, answer);
    PublicClientConfig config;
    config.authorityHost = QUrl(QStringLiteral("https://login.example.com/"));
    config.clock = clock;
    config.endpoint = std::make_shared<TokenEndpoint>(Dps::Test::makeTestPipeline({}, transport), config.authorityHost, clock);
    DeviceCodeSignIn signIn(config);
    QSignalSpy ready(&signIn, &DeviceCodeSignIn::codeReady);
    signIn.start();
    if (!QTest::qWaitFor([&] { return !ready.isEmpty(); }, 5000))
        return -1;
    return clock->nextDueMs() - clock->nowMs();
}

} // namespace

TEST(DeviceCodeSignIn, PollsAtTheServersIntervalClampedToOneSecondToOneMinute)
{
    EXPECT_EQ(firstPollDelayMs(QJsonValue(QJsonValue::Undefined)), 5000); // RFC 8628's default
    EXPECT_EQ(firstPollDelayMs(7), 7000);
    EXPECT_EQ(firstPollDelayMs(QStringLiteral("3")), 3000);
    // 999999999 s once wrapped around in "interval * 1000" into a poll every second.
    EXPECT_EQ(firstPollDelayMs(999999999), 60000);
    EXPECT_EQ(firstPollDelayMs(1e300), 60000);
    EXPECT_EQ(firstPollDelayMs(0), 1000);
    EXPECT_EQ(firstPollDelayMs(-5), 1000);
    EXPECT_EQ(firstPollDelayMs(QStringLiteral("soon")), 1000);
}

// ---- AuthError ----------------------------------------------------------------------------------

namespace {

AuthError authError(const QString &error, QList<int> codes = {})
{
    AuthError e;
    e.error = error;
    e.aadstsCodes = std::move(codes);
    return e;
}

} // namespace

TEST(AuthError, SaysWhatToDoForEachCommonFailure)
{
    const struct
    {
        AuthError error;
        const char *expected;
    } cases[] = {
        {authError(QStringLiteral("invalid_client"), {7000215}), "client secret is wrong"},
        {authError(QStringLiteral("invalid_client"), {7000222}), "client secret has expired"},
        {authError(QStringLiteral("unauthorized_client"), {700016}), "client (application) ID"},
        {authError(QStringLiteral("invalid_request"), {90002}), "tenant was not found"},
        {authError(QStringLiteral("invalid_grant"), {70008}), "Sign in again"},
        {authError(QStringLiteral("invalid_grant")), "Sign in again"},
        {authError(QStringLiteral("interaction_required"), {50076}), "multi-factor authentication"},
        {authError(QStringLiteral("interaction_required"), {50079}), "set up multi-factor"},
        {authError(QStringLiteral("interaction_required"), {53003}), "Conditional Access"},
        {authError(QStringLiteral("interaction_required")), "interactive sign-in"},
        {authError(QStringLiteral("network")), "network connection"},
        {authError(QStringLiteral("invalid_client")), "client ID and the client secret"},
    };
    QSet<QString> messages;
    for (const auto &c : cases) {
        const QString message = c.error.userMessage();
        EXPECT_TRUE(message.contains(QLatin1String(c.expected)))
            << c.expected << " / " << qPrintable(message);
        EXPECT_TRUE(message.endsWith(QLatin1Char('.'))) << qPrintable(message); // whole sentences
        messages.insert(message);
    }
    EXPECT_GE(messages.size(), 10);
}

TEST(AuthError, FallsBackToTheFirstLineOfTheDescription)
{
    AuthError e = authError(QStringLiteral("invalid_request"), {9999999});
    e.description = QStringLiteral(
        "AADSTS9999999: Something odd.\r\nTrace ID: x\r\nCorrelation ID: y");
    EXPECT_EQ(e.userMessage(), QStringLiteral("The sign-in failed: AADSTS9999999: Something odd."));
}

TEST(AuthError, KnowsWhenOnlyAnInteractiveSignInHelps)
{
    EXPECT_TRUE(authError(QStringLiteral("interaction_required")).isInteractionRequired());
    EXPECT_TRUE(authError(QStringLiteral("invalid_grant"), {50076}).isInteractionRequired());
    EXPECT_TRUE(authError(QStringLiteral("invalid_grant"), {50079}).isInteractionRequired());
    EXPECT_TRUE(authError(QStringLiteral("invalid_grant"), {53003}).isInteractionRequired());
    EXPECT_TRUE(authError(QStringLiteral("consent_required")).isInteractionRequired());
    EXPECT_FALSE(authError(QStringLiteral("invalid_client"), {7000215}).isInteractionRequired());
    EXPECT_FALSE(authError(QStringLiteral("network")).isInteractionRequired());
}

TEST(AuthError, ListsCodesAndIdsForSupport)
{
    AuthError e = authError(QStringLiteral("invalid_client"), {7000215});
    e.traceId = QStringLiteral("trace-9");
    e.correlationId = QStringLiteral("corr-9");
    e.httpStatus = 401;
    const QString details = e.technicalDetails();
    for (const char *part : {"invalid_client", "AADSTS7000215", "trace-9", "corr-9", "401"})
        EXPECT_TRUE(details.contains(QLatin1String(part))) << part;
}

// ---- EnvironmentCredential ----------------------------------------------------------------------

namespace {

QProcessEnvironment environment(std::initializer_list<std::pair<const char *, const char *>> vars)
{
    QProcessEnvironment env;
    for (const auto &v : vars)
        env.insert(QString::fromLatin1(v.first), QString::fromUtf8(v.second));
    return env;
}

} // namespace

TEST(EnvironmentCredential, ReadsTheAzureVariables)
{
    auto clock = std::make_shared<FakeClock>();
    auto transport = std::make_shared<FakeTransport>();
    transport->enqueueJson(200, tokenJson(QStringLiteral("AT-1")));
    QString error;
    auto credential = makeEnvironmentCredential(Dps::Test::makeTestPipeline({}, transport),
                                                QUrl(QStringLiteral(
                                                    "https://login.microsoftonline.com/")),
                                                &error,
                                                environment({{"AZURE_TENANT_ID", "tenant-e"},
                                                             {"AZURE_CLIENT_ID", "client-e"},
                                                             {"AZURE_CLIENT_SECRET", "secret+e"},
                                                             {"AZURE_AUTHORITY_HOST",
                                                              "https://login.microsoftonline.us"}}),
                                                clock);
    ASSERT_TRUE(credential) << qPrintable(error);
    EXPECT_EQ(credential->defaultTenantId(), QStringLiteral("tenant-e"));
    EXPECT_EQ(credential->clientId(), QStringLiteral("client-e"));
    bool done = false;
    credential->getToken(TokenRequest{{kArmScope}, {}, false, {}},
                         [&](const std::optional<AccessToken> &t, const AuthError &) {
                             EXPECT_TRUE(t);
                             done = true;
                         });
    ASSERT_TRUE(QTest::qWaitFor([&] { return done; }, 5000));
    EXPECT_EQ(transport->lastRequest().url,
              QUrl(QStringLiteral("https://login.microsoftonline.us/tenant-e/oauth2/v2.0/token")));
    EXPECT_EQ(formValue(transport->lastRequest().body, QStringLiteral("client_secret")),
              QStringLiteral("secret+e"));
}

TEST(EnvironmentCredential, NamesTheMissingVariables)
{
    QString error;
    auto pipeline = Dps::Test::makeTestPipeline({}, std::make_shared<FakeTransport>());
    EXPECT_FALSE(
        makeEnvironmentCredential(pipeline,
                                  QUrl(QStringLiteral("https://login.microsoftonline.com/")),
                                  &error,
                                  environment({{"AZURE_TENANT_ID", "t"}})));
    EXPECT_TRUE(error.contains(QLatin1String("Missing: AZURE_CLIENT_ID, AZURE_CLIENT_SECRET.")))
        << qPrintable(error);
    EXPECT_FALSE(
        makeEnvironmentCredential(pipeline,
                                  QUrl(QStringLiteral("https://login.microsoftonline.com/")),
                                  &error,
                                  environment({{"AZURE_TENANT_ID", "t"},
                                               {"AZURE_CLIENT_ID", "c"},
                                               {"AZURE_CLIENT_CERTIFICATE_PATH", "/x.pem"}})));
    EXPECT_TRUE(error.contains(QLatin1String("certificate is not supported"))) << qPrintable(error);
}

TEST(EnvironmentCredential, RefusesAPlainHttpAuthorityHost)
{
    QString error;
    auto pipeline = Dps::Test::makeTestPipeline({}, std::make_shared<FakeTransport>());
    EXPECT_FALSE(
        makeEnvironmentCredential(pipeline,
                                  QUrl(QStringLiteral("https://login.microsoftonline.com/")),
                                  &error,
                                  environment(
                                      {{"AZURE_TENANT_ID", "t"},
                                       {"AZURE_CLIENT_ID", "c"},
                                       {"AZURE_CLIENT_SECRET", "s"},
                                       {"AZURE_AUTHORITY_HOST", "http://login.example.com"}})));
    EXPECT_TRUE(error.contains(QLatin1String("https"))) << qPrintable(error);
}

TEST(EnvironmentCredential, BuildsTheSandboxServicePrincipalFromItsInfoFile)
{
    const QJsonObject info{{QStringLiteral("authorityHost"),
                            QStringLiteral("http://127.0.0.1:4000/")},
                           {QStringLiteral("servicePrincipal"),
                            QJsonObject{{QStringLiteral("tenantId"), QStringLiteral("t-sb")},
                                        {QStringLiteral("clientId"), QStringLiteral("c-sb")},
                                        {QStringLiteral("clientSecret"), QStringLiteral("s-sb")}}}};
    QString error;
    auto pipeline = Dps::Test::makeTestPipeline({}, std::make_shared<FakeTransport>());
    auto credential = makeSandboxCredential(pipeline, info, &error);
    ASSERT_TRUE(credential) << qPrintable(error);
    EXPECT_EQ(credential->defaultTenantId(), QStringLiteral("t-sb"));
    EXPECT_EQ(credential->clientId(), QStringLiteral("c-sb"));
    EXPECT_FALSE(makeSandboxCredential(pipeline, QJsonObject{}, &error));
    EXPECT_FALSE(error.isEmpty());
}
