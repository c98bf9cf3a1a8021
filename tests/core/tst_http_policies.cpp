// Unit tests of each HTTP pipeline policy (STYLE.md section 2) with FakeTransport and FakeClock,
// plus QnamTransport against real loopback sockets (a QTcpServer that answers canned bytes, or
// never).
#include "FakeClock.h"
#include "FakeCredential.h"
#include "FakeTransport.h"
#include "LogCapture.h"

#include "http/Policies.h"
#include "identity/TokenCredential.h"

#include <QDateTime>
#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QRegularExpression>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTest>
#include <QUuid>

#include <gtest/gtest.h>

using namespace Dps;
using namespace Dps::Http;
using Dps::Test::FakeClock;
using Dps::Test::FakeCredential;
using Dps::Test::FakeTransport;
using Dps::Test::LogCapture;
using Dps::Test::makeTestPipeline;
using Dps::Test::sendAndWait;

namespace {

HttpRequest get(const QString &url = QStringLiteral(
                    "https://management.azure.com/subscriptions?api-version=2022-12-01"))
{
    HttpRequest r;
    r.method = "GET";
    r.url = QUrl(url);
    return r;
}

HttpRequest post(const QString &url
                 = QStringLiteral("https://management.azure.com/subscriptions/s/providers/"
                                  "Microsoft.Devices/register?api-version=2021-04-01"))
{
    HttpRequest r = get(url);
    r.method = "POST";
    return r;
}

struct RetryHarness
{
    explicit RetryHarness(
        RetryOptions options = {}, std::function<double()> jitter = [] { return 1.0; })
    {
        clock = std::make_shared<FakeClock>();
        transport = std::make_shared<FakeTransport>();
        pipeline = makeTestPipeline({std::make_shared<RequestIdPolicy>(),
                                     std::make_shared<RetryPolicy>(options, clock, jitter)},
                                    transport);
    }
    std::optional<HttpResponse> send(HttpRequest request)
    {
        return sendAndWait(*pipeline, std::move(request), 5000, [this] { clock->advanceToNext(); });
    }
    std::shared_ptr<FakeClock> clock;
    std::shared_ptr<FakeTransport> transport;
    std::shared_ptr<Pipeline> pipeline;
};

// Processes events until `done` or the deadline.
bool waitUntil(const std::function<bool()> &done, int timeoutMs = 5000)
{
    return QTest::qWaitFor(done, timeoutMs);
}

} // namespace

// ---- RequestIdPolicy ----------------------------------------------------------------------------

TEST(RequestIdPolicy, SetsOneClientRequestIdKeptAcrossRetries)
{
    RetryHarness h;
    h.transport->enqueue(500);
    h.transport->enqueue(503, {{"Retry-After", "1"}});
    h.transport->enqueue(200);
    const auto response = h.send(get());
    ASSERT_TRUE(response);
    EXPECT_EQ(response->status, 200);
    ASSERT_EQ(h.transport->requestCount(), 3);
    const QByteArray id = h.transport->requests().at(0).header("x-ms-client-request-id");
    EXPECT_FALSE(QUuid::fromString(QString::fromLatin1(id)).isNull()) << id.constData();
    for (const auto &r : h.transport->requests())
        EXPECT_EQ(r.header("x-ms-client-request-id"), id);
}

TEST(RequestIdPolicy, GivesEachCallItsOwnId)
{
    RetryHarness h;
    h.transport->enqueue(200);
    h.transport->enqueue(200);
    h.send(get());
    h.send(get());
    ASSERT_EQ(h.transport->requestCount(), 2);
    EXPECT_NE(h.transport->requests().at(0).header("x-ms-client-request-id"),
              h.transport->requests().at(1).header("x-ms-client-request-id"));
}

TEST(RequestIdPolicy, KeepsTheCallersId)
{
    RetryHarness h;
    h.transport->enqueue(200);
    HttpRequest r = get();
    r.setHeader("x-ms-client-request-id", "mine");
    h.send(r);
    EXPECT_EQ(h.transport->lastRequest().header("x-ms-client-request-id"), "mine");
}

// ---- UserAgentPolicy ----------------------------------------------------------------------------

TEST(UserAgentPolicy, SendsProductVersionOsAndQt)
{
    auto transport = std::make_shared<FakeTransport>();
    transport->enqueue(200);
    auto pipeline = makeTestPipeline({std::make_shared<UserAgentPolicy>()}, transport);
    sendAndWait(*pipeline, get());
    const QString ua = QString::fromUtf8(transport->lastRequest().header("User-Agent"));
    EXPECT_TRUE(
        QRegularExpression(QStringLiteral(R"(^dps-setup/\d+\.\d+\.\d+ \(.+; Qt 6\.\d+\.\d+\)$)"))
            .match(ua)
            .hasMatch())
        << qPrintable(ua);
}

TEST(UserAgentPolicy, SendsAConfiguredUserAgent)
{
    auto transport = std::make_shared<FakeTransport>();
    transport->enqueue(200);
    auto pipeline = makeTestPipeline({std::make_shared<UserAgentPolicy>("dps-setup-cli/1.0")},
                                     transport);
    sendAndWait(*pipeline, get());
    EXPECT_EQ(transport->lastRequest().header("user-agent"), "dps-setup-cli/1.0");
}

// ---- RetryPolicy: how long it waits -------------------------------------------------------------

TEST(RetryPolicy, WaitsForRetryAfterMs)
{
    RetryHarness h;
    h.transport->enqueue(429, {{"retry-after-ms", "1500"}});
    h.transport->enqueue(200);
    const auto response = h.send(get());
    ASSERT_TRUE(response);
    EXPECT_EQ(response->status, 200);
    EXPECT_EQ(response->attempts, 2);
    EXPECT_EQ(h.clock->requestedDelays(), QList<int>{1500});
}

TEST(RetryPolicy, WaitsForXMsRetryAfterMs)
{
    RetryHarness h;
    h.transport->enqueue(503, {{"x-ms-retry-after-ms", "250"}});
    h.transport->enqueue(200);
    h.send(get());
    EXPECT_EQ(h.clock->requestedDelays(), QList<int>{250});
}

TEST(RetryPolicy, WaitsForRetryAfterSeconds)
{
    RetryHarness h;
    h.transport->enqueue(429, {{"Retry-After", "7"}});
    h.transport->enqueue(200);
    h.send(get());
    EXPECT_EQ(h.clock->requestedDelays(), QList<int>{7000});
}

TEST(RetryPolicy, WaitsForRetryAfterHttpDate)
{
    RetryHarness h;
    const QDateTime now = QDateTime(QDate(2026, 3, 1), QTime(12, 0, 0), Qt::UTC);
    h.clock->setNow(now.toMSecsSinceEpoch());
    h.transport->enqueue(503, {{"Retry-After", "Sun, 01 Mar 2026 12:00:09 GMT"}});
    h.transport->enqueue(200);
    const auto response = h.send(get());
    ASSERT_TRUE(response);
    EXPECT_EQ(response->status, 200);
    EXPECT_EQ(h.clock->requestedDelays(), QList<int>{9000});
}

TEST(RetryPolicy, RetriesAtOnceForAnHttpDateInThePast)
{
    RetryHarness h;
    h.transport->enqueue(503, {{"Retry-After", "Wed, 21 Oct 2015 07:28:00 GMT"}});
    h.transport->enqueue(200);
    h.send(get());
    EXPECT_EQ(h.clock->requestedDelays(), QList<int>{0});
}

TEST(RetryPolicy, PrefersMillisecondsOverRetryAfter)
{
    HttpResponse r = FakeTransport::response(429,
                                             {{"Retry-After", "10"}, {"retry-after-ms", "1234"}});
    EXPECT_EQ(RetryPolicy::serverDelayMs(r, 0), 1234);
    r = FakeTransport::response(429, {{"Retry-After", "10"}, {"x-ms-retry-after-ms", "99"}});
    EXPECT_EQ(RetryPolicy::serverDelayMs(r, 0), 99);
    r = FakeTransport::response(429, {{"Retry-After", "not a delay"}});
    EXPECT_EQ(RetryPolicy::serverDelayMs(r, 0), -1);
    EXPECT_EQ(RetryPolicy::serverDelayMs(FakeTransport::response(429), 0), -1);
}

TEST(RetryPolicy, ParsesAllThreeHttpDateFormats)
{
    const qint64 expected
        = QDateTime(QDate(1994, 11, 6), QTime(8, 49, 37), Qt::UTC).toMSecsSinceEpoch();
    EXPECT_EQ(RetryPolicy::parseHttpDate("Sun, 06 Nov 1994 08:49:37 GMT"), expected); // IMF-fixdate
    EXPECT_EQ(RetryPolicy::parseHttpDate("Sunday, 06-Nov-94 08:49:37 GMT"), expected); // RFC 850
    EXPECT_EQ(RetryPolicy::parseHttpDate("Sun Nov  6 08:49:37 1994"), expected);       // asctime
    EXPECT_EQ(RetryPolicy::parseHttpDate("06 Nov 1994"), -1);
    EXPECT_EQ(RetryPolicy::parseHttpDate("Sun, 31 Feb 1994 08:49:37 GMT"), -1);
}

TEST(RetryPolicy, BacksOffExponentiallyWithInjectedJitter)
{
    RetryHarness h(RetryOptions{}, [] { return 1.25; });
    h.transport->enqueue(500);
    h.transport->enqueue(502);
    h.transport->enqueue(504);
    h.transport->enqueue(200);
    const auto response = h.send(get());
    ASSERT_TRUE(response);
    EXPECT_EQ(response->status, 200);
    EXPECT_EQ(response->attempts, 4);
    EXPECT_EQ(h.clock->requestedDelays(), (QList<int>{1000, 2000, 4000})); // 0.8 s x 2^n x 1.25
}

TEST(RetryPolicy, CapsEachBackOffAtMaxDelay)
{
    RetryOptions options;
    options.maxDelayMs = 1000;
    RetryHarness h(options);
    h.transport->enqueue(500);
    h.transport->enqueue(500);
    h.transport->enqueue(500);
    h.transport->enqueue(200);
    h.send(get());
    EXPECT_EQ(h.clock->requestedDelays(), (QList<int>{800, 1000, 1000}));
}

TEST(RetryPolicy, DefaultJitterStaysWithinBounds)
{
    auto clock = std::make_shared<FakeClock>();
    auto transport = std::make_shared<FakeTransport>();
    RetryOptions options;
    options.maxRetries = 1;
    auto pipeline = makeTestPipeline({std::make_shared<RetryPolicy>(options, clock)}, transport);
    for (int i = 0; i < 20; ++i) {
        transport->enqueue(500);
        transport->enqueue(200);
        sendAndWait(*pipeline, get(), 5000, [&] { clock->advanceToNext(); });
    }
    ASSERT_EQ(clock->requestedDelays().size(), 20);
    for (int d : clock->requestedDelays()) {
        EXPECT_GE(d, 640);
        EXPECT_LT(d, 1040);
    }
}

// ---- RetryPolicy: when it gives up --------------------------------------------------------------

TEST(RetryPolicy, GivesUpAfterMaxRetries)
{
    RetryHarness h;
    for (int i = 0; i < 5; ++i)
        h.transport->enqueue(503, {{"Retry-After", "1"}});
    const auto response = h.send(get());
    ASSERT_TRUE(response);
    EXPECT_EQ(response->status, 503);
    EXPECT_EQ(response->attempts, 4); // the first try and 3 retries
    EXPECT_EQ(h.transport->requestCount(), 4);
    EXPECT_EQ(h.clock->requestedDelays(), (QList<int>{1000, 1000, 1000}));
}

TEST(RetryPolicy, GivesUpWhenTheTotalWaitWouldExceedItsBudget)
{
    RetryOptions options;
    options.maxTotalWaitMs = 5000;
    RetryHarness h(options);
    for (int i = 0; i < 4; ++i)
        h.transport->enqueue(429, {{"Retry-After", "2"}});
    const auto response = h.send(get());
    ASSERT_TRUE(response);
    EXPECT_EQ(response->status, 429);
    EXPECT_EQ(response->attempts, 3); // 2 s + 2 s waited; 2 s more would be 6 s
    EXPECT_EQ(h.clock->requestedDelays(), (QList<int>{2000, 2000}));
}

TEST(RetryPolicy, HandsBackAServerDelayLongerThanOneWaitMayBe)
{
    RetryHarness h;
    h.transport->enqueue(429, {{"Retry-After", "300"}});
    const auto response = h.send(get());
    ASSERT_TRUE(response);
    EXPECT_EQ(response->status, 429);
    EXPECT_EQ(response->header("Retry-After"), "300"); // the caller can tell the person how long
    EXPECT_EQ(h.transport->requestCount(), 1);
    EXPECT_TRUE(h.clock->requestedDelays().isEmpty());
}

TEST(RetryPolicy, RetriesEveryRetriableStatusOfAGet)
{
    for (int status : {408, 429, 500, 502, 503, 504}) {
        RetryHarness h;
        h.transport->enqueue(status);
        h.transport->enqueue(200);
        const auto response = h.send(get());
        ASSERT_TRUE(response);
        EXPECT_EQ(response->status, 200) << status;
        EXPECT_EQ(h.transport->requestCount(), 2) << status;
    }
}

TEST(RetryPolicy, DoesNotRetryClientErrors)
{
    for (int status : {400, 401, 403, 404, 409, 412}) {
        RetryHarness h;
        h.transport->enqueue(status);
        const auto response = h.send(get());
        ASSERT_TRUE(response);
        EXPECT_EQ(response->status, status);
        EXPECT_EQ(response->attempts, 1);
        EXPECT_EQ(h.transport->requestCount(), 1) << status;
    }
}

TEST(RetryPolicy, DoesNotRetryAPostOn500)
{
    RetryHarness h;
    h.transport->enqueue(500);
    const auto response = h.send(post());
    ASSERT_TRUE(response);
    EXPECT_EQ(response->status, 500);
    EXPECT_EQ(h.transport->requestCount(), 1);
}

TEST(RetryPolicy, RetriesAPostOn429Or503ThatNamesADelay)
{
    for (int status : {429, 503}) {
        RetryHarness h;
        h.transport->enqueue(status, {{"Retry-After", "1"}});
        h.transport->enqueue(200);
        const auto response = h.send(post());
        ASSERT_TRUE(response);
        EXPECT_EQ(response->status, 200) << status;
        EXPECT_EQ(h.transport->requestCount(), 2);
        EXPECT_EQ(h.clock->requestedDelays(), QList<int>{1000});
    }
}

TEST(RetryPolicy, DoesNotRetryAPostOn429WithoutADelay)
{
    RetryHarness h;
    h.transport->enqueue(429);
    const auto response = h.send(post());
    ASSERT_TRUE(response);
    EXPECT_EQ(response->status, 429);
    EXPECT_EQ(h.transport->requestCount(), 1);
}

TEST(RetryPolicy, RetriesTransportErrorsOfIdempotentRequestsOnly)
{
    {
        RetryHarness h;
        h.transport->enqueueNetworkError(QNetworkReply::RemoteHostClosedError);
        h.transport->enqueue(200);
        HttpRequest put = get();
        put.method = "PUT";
        const auto response = h.send(put);
        ASSERT_TRUE(response);
        EXPECT_EQ(response->status, 200);
        EXPECT_EQ(response->attempts, 2);
    }
    {
        RetryHarness h;
        h.transport->enqueueNetworkError(QNetworkReply::RemoteHostClosedError);
        const auto response = h.send(post());
        ASSERT_TRUE(response);
        EXPECT_EQ(response->status, 0);
        EXPECT_EQ(h.transport->requestCount(), 1);
    }
}

TEST(RetryPolicy, DoesNotRetryTlsFailures)
{
    RetryHarness h;
    h.transport->enqueueNetworkError(QNetworkReply::SslHandshakeFailedError);
    const auto response = h.send(get());
    ASSERT_TRUE(response);
    EXPECT_EQ(response->networkError, QNetworkReply::SslHandshakeFailedError);
    EXPECT_EQ(h.transport->requestCount(), 1);
}

TEST(RetryPolicy, CancellingDuringAWaitCompletesAtOnceAndSendsNothingMore)
{
    RetryHarness h;
    h.transport->enqueue(503, {{"Retry-After", "30"}});
    h.transport->enqueue(200);
    HttpRequest request = get();
    request.cancellation = std::make_shared<CancellationToken>();
    std::optional<HttpResponse> result;
    QElapsedTimer elapsed;
    elapsed.start();
    h.pipeline->send(request, [&](HttpResponse r) { result = r; });
    ASSERT_TRUE(waitUntil([&] { return h.clock->pendingCount() == 1; }));
    EXPECT_EQ(h.clock->requestedDelays(), QList<int>{30000});
    EXPECT_FALSE(result);
    request.cancellation->cancel();
    ASSERT_TRUE(result); // no event loop turn needed
    EXPECT_TRUE(result->cancelled);
    EXPECT_EQ(result->status, 0);
    EXPECT_EQ(result->attempts, 1);
    h.clock->advance(60000);
    QTest::qWait(20);
    EXPECT_EQ(h.transport->requestCount(), 1);
    EXPECT_LT(elapsed.elapsed(), 2000); // never slept the 30 s
}

TEST(RetryPolicy, ACancelledRequestIsNotRetried)
{
    RetryHarness h;
    h.transport->enqueueHang();
    HttpRequest request = get();
    request.cancellation = std::make_shared<CancellationToken>();
    std::optional<HttpResponse> result;
    h.pipeline->send(request, [&](HttpResponse r) { result = r; });
    ASSERT_TRUE(waitUntil([&] { return h.transport->requestCount() == 1; }));
    request.cancellation->cancel();
    ASSERT_TRUE(waitUntil([&] { return result.has_value(); }));
    EXPECT_TRUE(result->cancelled);
    EXPECT_EQ(h.transport->requestCount(), 1);
    EXPECT_TRUE(h.clock->requestedDelays().isEmpty());
}

TEST(RetryPolicy, WaitsOnTheClockWithoutBlocking)
{
    RetryHarness h;
    h.transport->enqueue(429, {{"Retry-After", "60"}});
    h.transport->enqueue(200);
    std::optional<HttpResponse> result;
    QElapsedTimer elapsed;
    elapsed.start();
    h.pipeline->send(get(), [&](HttpResponse r) { result = r; });
    ASSERT_TRUE(waitUntil([&] { return h.clock->pendingCount() == 1; }));
    EXPECT_FALSE(result);
    h.clock->advance(59999);
    QTest::qWait(10);
    EXPECT_EQ(h.transport->requestCount(), 1);
    h.clock->advance(1);
    ASSERT_TRUE(waitUntil([&] { return result.has_value(); }));
    EXPECT_EQ(result->status, 200);
    EXPECT_LT(elapsed.elapsed(), 2000);
}

// ---- BearerTokenPolicy --------------------------------------------------------------------------

namespace {

struct BearerHarness
{
    BearerHarness()
    {
        clock = std::make_shared<FakeClock>();
        credential = std::make_shared<FakeCredential>(QStringLiteral("tenant-a"));
        transport = std::make_shared<FakeTransport>();
        pipeline = makeTestPipeline(
            {std::make_shared<RetryPolicy>(RetryOptions{}, clock, [] { return 1.0; }),
             std::make_shared<BearerTokenPolicy>(credential,
                                                 QStringLiteral(
                                                     "https://management.azure.com/.default"),
                                                 clock)},
            transport);
    }
    std::optional<HttpResponse> send(HttpRequest request)
    {
        return sendAndWait(*pipeline, std::move(request), 5000, [this] { clock->advanceToNext(); });
    }
    std::shared_ptr<FakeClock> clock;
    std::shared_ptr<FakeCredential> credential;
    std::shared_ptr<FakeTransport> transport;
    std::shared_ptr<Pipeline> pipeline;
};

QByteArray challenge(const QString &tenant)
{
    return QStringLiteral("Bearer authorization_uri=\"https://login.microsoftonline.com/%1\", "
                          "error=\"invalid_token\", "
                          "error_description=\"The access token expiry UTC time is earlier than "
                          "current UTC time.\"")
        .arg(tenant)
        .toUtf8();
}

} // namespace

TEST(BearerTokenPolicy, AddsTheCredentialsTokenForTheDefaultScope)
{
    BearerHarness h;
    h.transport->enqueue(200);
    const auto response = h.send(get());
    ASSERT_TRUE(response);
    EXPECT_EQ(response->status, 200);
    EXPECT_EQ(h.transport->lastRequest().header("Authorization"), "Bearer token-tenant-a-1");
    ASSERT_EQ(h.credential->requestCount(), 1);
    EXPECT_EQ(h.credential->requests().at(0).scopes,
              QStringList{QStringLiteral("https://management.azure.com/.default")});
    EXPECT_TRUE(h.credential->requests().at(0).tenantId.isEmpty());
    EXPECT_FALSE(h.credential->requests().at(0).forceRefresh);
}

TEST(BearerTokenPolicy, AsksForATokenPerTenantAndScope)
{
    BearerHarness h;
    h.transport->enqueue(200);
    h.transport->enqueue(200);
    HttpRequest a = get();
    HttpRequest b = get();
    b.tenantId = QStringLiteral("tenant-b");
    b.scope = QStringLiteral("https://management.core.windows.net//.default");
    h.send(a);
    h.send(b);
    ASSERT_EQ(h.credential->requestCount(), 2);
    EXPECT_EQ(h.credential->requests().at(1).tenantId, QStringLiteral("tenant-b"));
    EXPECT_EQ(h.credential->requests().at(1).scopes,
              QStringList{QStringLiteral("https://management.core.windows.net//.default")});
    EXPECT_EQ(h.transport->requests().at(0).header("Authorization"), "Bearer token-tenant-a-1");
    EXPECT_EQ(h.transport->requests().at(1).header("Authorization"), "Bearer token-tenant-b-2");
}

TEST(BearerTokenPolicy, AsksTheCredentialOnEveryAttemptSoItsCacheDecides)
{
    BearerHarness h;
    h.transport->enqueue(503, {{"Retry-After", "1"}});
    h.transport->enqueue(200);
    h.send(get());
    EXPECT_EQ(h.credential->requestCount(), 2);
    EXPECT_EQ(h.credential->forcedRefreshCount(), 0);
}

TEST(BearerTokenPolicy, RefusesPlainHttpToANonLoopbackHostWithoutAskingForAToken)
{
    BearerHarness h;
    const auto response = h.send(
        get(QStringLiteral("http://management.example.com/subscriptions?api-version=2022-12-01")));
    ASSERT_TRUE(response);
    EXPECT_EQ(response->status, 0);
    EXPECT_EQ(response->errorCode, QStringLiteral("HttpsRequired"));
    EXPECT_TRUE(response->errorString.contains(QLatin1String("https")))
        << qPrintable(response->errorString);
    EXPECT_EQ(h.credential->requestCount(), 0);
    EXPECT_EQ(h.transport->requestCount(), 0);
    EXPECT_EQ(response->attempts, 1); // not retried
}

TEST(BearerTokenPolicy, AllowsPlainHttpToLoopback)
{
    for (const char *url : {"http://127.0.0.1:8443/subscriptions",
                            "http://localhost/x",
                            "http://[::1]:1/x",
                            "http://127.1.2.3/"}) {
        BearerHarness h;
        h.transport->enqueue(200);
        const auto response = h.send(get(QString::fromLatin1(url)));
        ASSERT_TRUE(response);
        EXPECT_EQ(response->status, 200) << url;
        EXPECT_EQ(h.transport->lastRequest().header("Authorization"), "Bearer token-tenant-a-1")
            << url;
    }
}

TEST(BearerTokenPolicy, RefreshesOnceAfterA401AndReplays)
{
    BearerHarness h;
    h.transport->enqueueJson(401,
                             QJsonObject{
                                 {QStringLiteral("error"),
                                  QJsonObject{{QStringLiteral("code"),
                                               QStringLiteral("ExpiredAuthenticationToken")}}}},
                             {{"WWW-Authenticate", challenge(QStringLiteral("tenant-a"))}});
    h.transport->enqueue(200);
    const auto response = h.send(get());
    ASSERT_TRUE(response);
    EXPECT_EQ(response->status, 200);
    ASSERT_EQ(h.credential->requestCount(), 2);
    EXPECT_TRUE(h.credential->requests().at(1).forceRefresh);
    ASSERT_EQ(h.transport->requestCount(), 2);
    EXPECT_EQ(h.transport->requests().at(1).header("Authorization"), "Bearer token-tenant-a-2");
}

TEST(BearerTokenPolicy, RefreshesOnlyOnceWhenTheReplayGetsA401Too)
{
    BearerHarness h;
    h.transport->enqueue(401, {{"WWW-Authenticate", challenge(QStringLiteral("common"))}});
    h.transport->enqueue(401, {{"WWW-Authenticate", challenge(QStringLiteral("common"))}});
    h.transport->enqueue(200);
    const auto response = h.send(get());
    ASSERT_TRUE(response);
    EXPECT_EQ(response->status, 401);
    EXPECT_EQ(h.credential->requestCount(), 2);
    EXPECT_EQ(h.credential->forcedRefreshCount(), 1);
    EXPECT_EQ(h.transport->requestCount(), 2);
}

TEST(BearerTokenPolicy, DoesNotRefreshWhenTheChallengeNamesAnotherTenant)
{
    BearerHarness h;
    h.transport->enqueue(401, {{"WWW-Authenticate", challenge(QStringLiteral("tenant-z"))}});
    const auto response = h.send(get());
    ASSERT_TRUE(response);
    EXPECT_EQ(response->status, 401);
    EXPECT_EQ(h.credential->requestCount(), 1);
    EXPECT_EQ(h.transport->requestCount(), 1);
}

TEST(BearerTokenPolicy, ReadsTheTenantOfAChallenge)
{
    EXPECT_EQ(BearerTokenPolicy::challengeTenant(
                  FakeTransport::response(401,
                                          {{"WWW-Authenticate",
                                            challenge(QStringLiteral("72f988bf"))}})),
              QStringLiteral("72f988bf"));
    EXPECT_EQ(BearerTokenPolicy::challengeTenant(
                  FakeTransport::response(401, {{"WWW-Authenticate", "Basic realm=\"x\""}})),
              QString());
    EXPECT_EQ(BearerTokenPolicy::challengeTenant(FakeTransport::response(401)), QString());
}

TEST(BearerTokenPolicy, AFailedTokenRequestFailsTheCallWithTheAuthErrorAndIsNotRetried)
{
    BearerHarness h;
    Identity::AuthError error;
    error.error = QStringLiteral("invalid_client");
    error.aadstsCodes = {7000215};
    h.credential->failNext(error);
    const auto response = h.send(get());
    ASSERT_TRUE(response);
    EXPECT_EQ(response->status, 0);
    EXPECT_EQ(response->errorCode, QStringLiteral("invalid_client"));
    EXPECT_EQ(response->errorString, error.userMessage());
    EXPECT_EQ(h.transport->requestCount(), 0);
    EXPECT_EQ(h.credential->requestCount(), 1);
}

TEST(BearerTokenPolicy, ReplacesAnExpiredTokenBeforeSendingIt)
{
    BearerHarness h;
    h.credential->setExpiresOnMs(h.clock->nowMs() - 1);
    h.transport->enqueue(200);
    h.send(get());
    EXPECT_EQ(h.credential->requestCount(), 2);
    EXPECT_TRUE(h.credential->requests().at(1).forceRefresh);
    EXPECT_EQ(h.transport->requestCount(), 1);
}

// ---- LogPolicy ----------------------------------------------------------------------------------

TEST(LogPolicy, KeepsOnlyApiVersionInTheQuery)
{
    const QUrl url(
        QStringLiteral("https://user:pw@management.azure.com/subscriptions/s1/resourceGroups/"
                       "rg?api-version=2021-04-01&$skiptoken=SKIPSECRET&sig=SIGSECRET#frag"));
    const QString redacted = LogPolicy::redactedUrl(url);
    EXPECT_EQ(redacted,
              QStringLiteral("https://management.azure.com/subscriptions/s1/resourceGroups/"
                             "rg?api-version=2021-04-01&$skiptoken=REDACTED&sig=REDACTED"));
}

TEST(LogPolicy, PrintsAllowListedHeadersAndRedactsTheRest)
{
    const QString text = LogPolicy::redactedHeaders({{"x-ms-request-id", "rid"},
                                                     {"X-MS-Correlation-Request-Id", "cid"},
                                                     {"x-ms-client-request-id", "crid"},
                                                     {"Retry-After", "5"},
                                                     {"Content-Type", "application/json"},
                                                     {"retry-after-ms", "10"},
                                                     {"Authorization", "Bearer SECRET"},
                                                     {"Set-Cookie", "COOKIE"}});
    EXPECT_EQ(
        text,
        QStringLiteral(
            "x-ms-request-id: rid, X-MS-Correlation-Request-Id: cid, x-ms-client-request-id: crid, "
            "Retry-After: 5, Content-Type: application/json, retry-after-ms: 10, "
            "Authorization: REDACTED, Set-Cookie: REDACTED"));
}

TEST(LogPolicy, NeverLogsTokensKeysSecretsOrBodies)
{
    auto clock = std::make_shared<FakeClock>();
    auto credential = std::make_shared<FakeCredential>();
    auto transport = std::make_shared<FakeTransport>();
    auto pipeline = makeTestPipeline(
        {std::make_shared<RequestIdPolicy>(),
         std::make_shared<UserAgentPolicy>(),
         std::make_shared<RetryPolicy>(RetryOptions{}, clock, [] { return 1.0; }),
         std::make_shared<BearerTokenPolicy>(credential,
                                             QStringLiteral(
                                                 "https://management.azure.com/.default"),
                                             clock),
         std::make_shared<LogPolicy>()},
        transport);
    transport->enqueueJson(429,
                           QJsonObject{{QStringLiteral("error"), QStringLiteral("ERRBODY")}},
                           {{"Retry-After", "1"},
                            {"x-ms-request-id", "req-1"},
                            {"Set-Cookie", "COOKIESECRET"}});
    transport->enqueueJson(200,
                           QJsonObject{{QStringLiteral("value"),
                                        QJsonArray{QJsonObject{{QStringLiteral("primaryKey"),
                                                                QStringLiteral("KEYSECRET")}}}}},
                           {{"x-ms-request-id", "req-2"},
                            {"x-ms-correlation-request-id", "corr-2"}});
    HttpRequest request = post(
        QStringLiteral("https://management.azure.com/subscriptions/s/providers/Microsoft.Devices/"
                       "IotHubs/h/listkeys?api-version=2023-06-30&code=CODESECRET"));
    request.body = R"({"clientSecret":"BODYSECRET"})";
    request.setHeader("Content-Type", "application/json");

    LogCapture log;
    const auto response = sendAndWait(*pipeline, request, 5000, [&] { clock->advanceToNext(); });
    ASSERT_TRUE(response);
    ASSERT_EQ(response->status, 200);
    const QString text = log.text();
    for (const char *secret :
         {"token-tenant-a", "KEYSECRET", "BODYSECRET", "CODESECRET", "COOKIESECRET", "ERRBODY"})
        EXPECT_FALSE(text.contains(QLatin1String(secret))) << secret << "\n" << qPrintable(text);
    EXPECT_TRUE(text.contains(QLatin1String("api-version=2023-06-30&code=REDACTED")))
        << qPrintable(text);
    EXPECT_TRUE(text.contains(QLatin1String("Authorization: REDACTED"))) << qPrintable(text);
    EXPECT_TRUE(text.contains(QLatin1String("x-ms-request-id: req-2"))) << qPrintable(text);
    EXPECT_TRUE(text.contains(QLatin1String("x-ms-correlation-request-id: corr-2")))
        << qPrintable(text);
    EXPECT_TRUE(text.contains(QLatin1String("Retry-After: 1"))) << qPrintable(text);
    EXPECT_TRUE(text.contains(QLatin1String("x-ms-client-request-id: "))) << qPrintable(text);
    EXPECT_FALSE(log.lines(QStringLiteral("dps.http")).isEmpty());
    EXPECT_EQ(log.lines(QStringLiteral("dps.http")).size(),
              log.lines().size()); // all in our category
}

// ---- isLoopback / isSecureOrLoopback ------------------------------------------------------------

TEST(HttpsRule, OnlyLoopbackMayUsePlainHttp)
{
    for (const char *url : {"http://127.0.0.1/",
                            "http://127.255.0.9:80/",
                            "http://localhost:1/",
                            "http://LocalHost/",
                            "http://[::1]/"})
        EXPECT_TRUE(isSecureOrLoopback(QUrl(QString::fromLatin1(url)))) << url;
    for (const char *url : {"http://128.0.0.1/",
                            "http://example.com/",
                            "http://localhost.example.com/",
                            "http://0.0.0.0/",
                            "http://[::2]/",
                            "ftp://127.0.0.1/",
                            "file:///etc/passwd",
                            "https:///nohost"})
        EXPECT_FALSE(isSecureOrLoopback(QUrl(QString::fromLatin1(url)))) << url;
    EXPECT_TRUE(isSecureOrLoopback(QUrl(QStringLiteral("https://management.azure.com/"))));
    EXPECT_TRUE(isLoopback(QUrl(QStringLiteral("https://127.0.0.1:4443/"))));
    EXPECT_FALSE(isLoopback(QUrl(QStringLiteral("https://management.azure.com/"))));
}

// ---- QnamTransport against real sockets ---------------------------------------------------------

namespace {

// A loopback HTTP/1.1 server that records raw requests and answers each with `reply` (or never, if
// empty).
class MiniHttpServer
{
public:
    explicit MiniHttpServer(QByteArray reply = {})
        : m_reply(std::move(reply))
    {
        QObject::connect(&m_server, &QTcpServer::newConnection, &m_server, [this] {
            while (QTcpSocket *socket = m_server.nextPendingConnection()) {
                m_sockets.append(socket);
                QObject::connect(socket, &QTcpSocket::readyRead, socket, [this, socket] {
                    onReadyRead(socket);
                });
                QObject::connect(socket, &QTcpSocket::disconnected, socket, [this] {
                    ++m_disconnects;
                });
            }
        });
        m_server.listen(QHostAddress::LocalHost);
    }
    QUrl url(const QString &pathAndQuery = QStringLiteral("/")) const
    {
        return QUrl(
            QStringLiteral("http://127.0.0.1:%1%2").arg(m_server.serverPort()).arg(pathAndQuery));
    }
    QList<QByteArray> requests() const { return m_requests; }
    int connections() const { return int(m_sockets.size()); }
    int disconnects() const { return m_disconnects; }

private:
    void onReadyRead(QTcpSocket *socket)
    {
        QByteArray &buffer = m_buffers[socket];
        buffer += socket->readAll();
        const qsizetype end = buffer.indexOf("\r\n\r\n");
        if (end < 0)
            return;
        qsizetype length = 0;
        static const QRegularExpression contentLength(
            QStringLiteral("(?i)\r\ncontent-length:\\s*(\\d+)"));
        const auto m = contentLength.match(QString::fromLatin1(buffer.left(end + 2)));
        if (m.hasMatch())
            length = m.captured(1).toLongLong();
        if (buffer.size() < end + 4 + length)
            return;
        m_requests.append(buffer.left(end + 4 + length));
        buffer.remove(0, end + 4 + length);
        if (!m_reply.isEmpty())
            socket->write(m_reply);
    }

    QTcpServer m_server;
    QByteArray m_reply;
    QList<QTcpSocket *> m_sockets;
    QHash<QTcpSocket *, QByteArray> m_buffers;
    QList<QByteArray> m_requests;
    int m_disconnects = 0;
};

std::optional<HttpResponse> sendOverTransport(QnamTransport &transport,
                                              HttpRequest request,
                                              int waitMs = 5000)
{
    std::optional<HttpResponse> result;
    transport.send(std::move(request),
                   NextPolicy(static_cast<const PolicyChain *>(nullptr), 0),
                   [&](HttpResponse r) { result = std::move(r); });
    (void) QTest::qWaitFor([&] { return result.has_value(); }, waitMs);
    return result;
}

} // namespace

TEST(QnamTransport, SendsMethodHeadersAndBodyAndCollectsTheAnswer)
{
    MiniHttpServer server(
        "HTTP/1.1 201 Created\r\nx-ms-request-id: rid-1\r\nContent-Type: application/json\r\n"
        "Content-Length: 11\r\nConnection: close\r\n\r\n{\"id\":\"x\"}\n");
    QNetworkAccessManager nam;
    QnamTransport transport(&nam);
    HttpRequest request = get(server.url(QStringLiteral("/things/1?api-version=1")).toString());
    request.method = "PATCH";
    request.body = R"({"a":1})";
    request.setHeader("Content-Type", "application/json");
    request.setHeader("x-ms-client-request-id", "crid");
    const auto response = sendOverTransport(transport, request);
    ASSERT_TRUE(response);
    EXPECT_EQ(response->status, 201);
    EXPECT_EQ(response->header("x-ms-request-id"), "rid-1");
    EXPECT_EQ(response->body, "{\"id\":\"x\"}\n");
    EXPECT_FALSE(response->timedOut);
    ASSERT_EQ(server.requests().size(), 1);
    const QByteArray raw = server.requests().at(0);
    EXPECT_TRUE(raw.startsWith("PATCH /things/1?api-version=1 HTTP/1.1\r\n")) << raw.constData();
    EXPECT_TRUE(raw.contains("x-ms-client-request-id: crid\r\n")) << raw.constData();
    EXPECT_TRUE(raw.endsWith("\r\n\r\n{\"a\":1}")) << raw.constData();
}

TEST(QnamTransport, SendsContentLengthZeroForABodilessPost)
{
    MiniHttpServer server("HTTP/1.1 200 OK\r\nContent-Length: 0\r\nConnection: close\r\n\r\n");
    QNetworkAccessManager nam;
    QnamTransport transport(&nam);
    const auto response
        = sendOverTransport(transport, post(server.url(QStringLiteral("/register")).toString()));
    ASSERT_TRUE(response);
    EXPECT_EQ(response->status, 200);
    ASSERT_EQ(server.requests().size(), 1);
    EXPECT_TRUE(server.requests().at(0).toLower().contains("\r\ncontent-length: 0\r\n"))
        << server.requests().at(0).constData();
}

TEST(QnamTransport, TimesOutWhenTheServerNeverAnswers)
{
    MiniHttpServer server; // accepts, reads, never answers
    QNetworkAccessManager nam;
    QnamTransport transport(&nam);
    HttpRequest request = get(server.url().toString());
    request.timeoutMs = 300;
    QElapsedTimer elapsed;
    elapsed.start();
    const auto response = sendOverTransport(transport, request);
    ASSERT_TRUE(response);
    EXPECT_TRUE(response->timedOut);
    EXPECT_FALSE(response->cancelled);
    EXPECT_EQ(response->status, 0);
    EXPECT_EQ(response->networkError, QNetworkReply::TimeoutError);
    EXPECT_GE(elapsed.elapsed(), 290);
    EXPECT_LT(elapsed.elapsed(), 3000);
    EXPECT_EQ(server.requests().size(), 1);
}

TEST(QnamTransport, CancellingAbortsTheRequestInFlight)
{
    MiniHttpServer server;
    QNetworkAccessManager nam;
    QnamTransport transport(&nam);
    HttpRequest request = get(server.url().toString());
    request.cancellation = std::make_shared<CancellationToken>();
    std::optional<HttpResponse> result;
    transport.send(request,
                   NextPolicy(static_cast<const PolicyChain *>(nullptr), 0),
                   [&](HttpResponse r) { result = r; });
    ASSERT_TRUE(QTest::qWaitFor([&] { return server.requests().size() == 1; }, 5000));
    QElapsedTimer elapsed;
    elapsed.start();
    request.cancellation->cancel();
    ASSERT_TRUE(QTest::qWaitFor([&] { return result.has_value(); }, 2000));
    EXPECT_TRUE(result->cancelled);
    EXPECT_FALSE(result->timedOut);
    EXPECT_EQ(result->status, 0);
    EXPECT_LT(elapsed.elapsed(), 1000);
}

TEST(QnamTransport, DestroyingTheTransportAbortsItsRequestsWithoutCallingBack)
{
    MiniHttpServer server;
    QNetworkAccessManager nam;
    auto transport = std::make_unique<QnamTransport>(&nam);
    bool called = false;
    transport->send(get(server.url().toString()),
                    NextPolicy(static_cast<const PolicyChain *>(nullptr), 0),
                    [&](HttpResponse) { called = true; });
    ASSERT_TRUE(QTest::qWaitFor([&] { return server.requests().size() == 1; }, 5000));
    transport.reset();
    EXPECT_TRUE(QTest::qWaitFor([&] { return server.disconnects() == 1; }, 5000));
    EXPECT_FALSE(called);
}

TEST(QnamTransport, ReportsARefusedConnectionWithoutTheQuery)
{
    quint16 port = 0;
    {
        QTcpServer probe;
        probe.listen(QHostAddress::LocalHost);
        port = probe.serverPort();
    } // closed: nothing listens there now
    QNetworkAccessManager nam;
    QnamTransport transport(&nam);
    const auto response = sendOverTransport(
        transport,
        get(QStringLiteral("http://127.0.0.1:%1/x?api-version=1&sig=QUERYSECRET").arg(port)));
    ASSERT_TRUE(response);
    EXPECT_EQ(response->status, 0);
    EXPECT_EQ(response->networkError, QNetworkReply::ConnectionRefusedError);
    EXPECT_FALSE(response->errorString.contains(QLatin1String("QUERYSECRET")))
        << qPrintable(response->errorString);
}

TEST(QnamTransport, AnswersAtOnceWhenTheNetworkManagerIsGone)
{
    auto nam = std::make_unique<QNetworkAccessManager>();
    QnamTransport transport(nam.get());
    nam.reset();
    const auto response = sendOverTransport(transport, get());
    ASSERT_TRUE(response);
    EXPECT_EQ(response->status, 0);
}

// ---- Pipeline -----------------------------------------------------------------------------------

TEST(Pipeline, KeepsItsPoliciesAliveWhileACallIsInFlight)
{
    auto clock = std::make_shared<FakeClock>();
    auto transport = std::make_shared<FakeTransport>();
    transport->enqueue(503, {{"Retry-After", "1"}});
    transport->enqueue(200);
    std::optional<HttpResponse> result;
    {
        auto pipeline = makeTestPipeline({std::make_shared<RetryPolicy>(RetryOptions{},
                                                                        clock,
                                                                        [] { return 1.0; })},
                                         transport);
        pipeline->send(get(), [&](HttpResponse r) { result = r; });
    } // the pipeline object is gone; the call is not
    ASSERT_TRUE(waitUntil([&] { return clock->pendingCount() == 1; }));
    clock->advance(1000);
    ASSERT_TRUE(waitUntil([&] { return result.has_value(); }));
    EXPECT_EQ(result->status, 200);
    EXPECT_EQ(result->attempts, 2);
}

TEST(CancellationToken, RunsCallbacksOnceAndImmediatelyWhenAlreadyCancelled)
{
    CancellationToken token;
    int a = 0, b = 0, c = 0;
    token.onCancel([&] { ++a; });
    const int id = token.onCancel([&] { ++b; });
    token.remove(id);
    token.cancel();
    token.cancel();
    token.onCancel([&] { ++c; });
    EXPECT_EQ(a, 1);
    EXPECT_EQ(b, 0);
    EXPECT_EQ(c, 1);
    EXPECT_TRUE(token.isCancelled());
}
