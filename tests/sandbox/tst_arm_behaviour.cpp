// Behaviour of the ARM emulator over real HTTP(S), rule by rule (azure-arm.md sections 2-7 and the checklist in 10):
// global names, name rules, LROs, paging, provider registration, resource groups, quotas, host names, keys,
// linking, api-versions, headers, If-Match, throttling, faults, access control, the request log, persistence, TLS.
// Every test starts its own arm-sandbox process (fast LRO durations) and talks to it like an Azure client would.
#include "SandboxFixture.h"

#include <QCoreApplication>
#include <QDeadlineTimer>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QNetworkReply>
#include <QRegularExpression>
#include <QSet>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QThread>
#include <QUrlQuery>
#include <QUuid>

#include <gtest/gtest.h>

#include <algorithm>
#include <memory>

using namespace Dps::Test;

namespace {

const QString kRes = QStringLiteral("2021-04-01");
const QString kRes2025 = QStringLiteral("2025-04-01");
const QString kSubs = QStringLiteral("2022-12-01");
const QString kHub = QStringLiteral("2023-06-30");
const QString kDps = QStringLiteral("2022-12-12");
const QString kDpsLatest = QStringLiteral("2026-08-31");
constexpr int kTimeoutMs = 8000;

// The demo world (Worlds.cpp): two tenants, three subscriptions, one user who sees all of them.
const QString kUser = QStringLiteral("alex@contoso.example");
const QString kContosoName = QStringLiteral("Contoso");
const QString kFabrikamName = QStringLiteral("Fabrikam");
const QString kProdName = QStringLiteral("Contoso IoT Production");
const QString kDevName = QStringLiteral("Contoso Dev/Test");
const QString kFabName = QStringLiteral("Fabrikam Factory");

using Headers = QList<QPair<QByteArray, QByteArray>>;

QString s(const QByteArray &b)
{
    return QString::fromUtf8(b);
}

std::string show(const HttpResult &r)
{
    return QStringLiteral("HTTP %1 (%2) %3").arg(r.status).arg(r.errorString, s(r.body.left(1500))).toStdString();
}

// Error code of either error shape: ARM's {"error": {"code"}} or the RP's flat {"code": 400xxx | "Name"}.
QString errorCode(const HttpResult &r)
{
    const QJsonObject o = r.json();
    if (o.value(QStringLiteral("error")).isObject())
        return o.value(QStringLiteral("error")).toObject().value(QStringLiteral("code")).toString();
    const QJsonValue code = o.value(QStringLiteral("code"));
    if (code.isDouble())
        return QString::number(code.toInteger());
    return code.toString();
}

QString errorMessage(const HttpResult &r)
{
    const QJsonObject o = r.json();
    if (o.value(QStringLiteral("error")).isObject())
        return o.value(QStringLiteral("error")).toObject().value(QStringLiteral("message")).toString();
    return o.value(QStringLiteral("message")).toString();
}

bool isErrorShaped(const HttpResult &r)
{
    return !errorCode(r).isEmpty() && !errorMessage(r).isEmpty();
}

QString hubPath(const QString &sub, const QString &rg, const QString &name)
{
    return QStringLiteral("/subscriptions/%1/resourceGroups/%2/providers/Microsoft.Devices/IotHubs/%3").arg(sub, rg, name);
}

QString dpsPath(const QString &sub, const QString &rg, const QString &name)
{
    return QStringLiteral("/subscriptions/%1/resourceGroups/%2/providers/Microsoft.Devices/provisioningServices/%3").arg(sub, rg, name);
}

QString rgPath(const QString &sub, const QString &rg)
{
    return QStringLiteral("/subscriptions/%1/resourcegroups/%2").arg(sub, rg);
}

QJsonObject hubBody(const QString &location = QStringLiteral("westeurope"), const QString &sku = QStringLiteral("S1"), int partitions = 4)
{
    return QJsonObject{{QStringLiteral("location"), location},
                       {QStringLiteral("sku"), QJsonObject{{QStringLiteral("name"), sku}, {QStringLiteral("capacity"), 1}}},
                       {QStringLiteral("properties"),
                        QJsonObject{{QStringLiteral("eventHubEndpoints"),
                                     QJsonObject{{QStringLiteral("events"), QJsonObject{{QStringLiteral("retentionTimeInDays"), 1},
                                                                                       {QStringLiteral("partitionCount"), partitions}}}}}}},
                       {QStringLiteral("tags"), QJsonObject()}};
}

QJsonObject dpsBody(const QString &location = QStringLiteral("westeurope"), const QJsonArray &hubs = {},
                    const QString &policy = {})
{
    QJsonObject props{{QStringLiteral("enableDataResidency"), false}};
    if (!hubs.isEmpty())
        props.insert(QStringLiteral("iotHubs"), hubs);
    if (!policy.isEmpty())
        props.insert(QStringLiteral("allocationPolicy"), policy);
    return QJsonObject{{QStringLiteral("location"), location},
                       {QStringLiteral("sku"), QJsonObject{{QStringLiteral("name"), QStringLiteral("S1")}, {QStringLiteral("capacity"), 1}}},
                       {QStringLiteral("properties"), props},
                       {QStringLiteral("tags"), QJsonObject()}};
}

QJsonObject link(const QString &connectionString, const QString &location, int weight = 1, bool apply = true)
{
    QJsonObject o{{QStringLiteral("connectionString"), connectionString},
                  {QStringLiteral("allocationWeight"), weight},
                  {QStringLiteral("applyAllocationPolicy"), apply}};
    if (!location.isNull())
        o.insert(QStringLiteral("location"), location);
    return o;
}

QJsonObject props(const HttpResult &r)
{
    return r.json().value(QStringLiteral("properties")).toObject();
}

QStringList names(const QJsonArray &values, const QString &field = QStringLiteral("name"))
{
    QStringList out;
    for (const auto &v : values)
        out.append(v.toObject().value(field).toString());
    return out;
}

bool terminal(const QString &status)
{
    return status == QLatin1String("Succeeded") || status == QLatin1String("Failed") || status == QLatin1String("Canceled");
}

// Base fixture: one arm-sandbox per test, an HTTP client holding the current bearer token.
class ArmTest : public ::testing::Test
{
protected:
    static SandboxProcess::Options options(const QString &world, const QString &lro = QStringLiteral("0.2,0.3,0.2"))
    {
        SandboxProcess::Options o;
        o.world = world;
        o.lroSeconds = lro;
        return o;
    }

    void startSandbox(const SandboxProcess::Options &o)
    {
        sandbox = std::make_unique<SandboxProcess>(o);
        QString error;
        ASSERT_TRUE(sandbox->start(&error)) << error.toStdString();
        http = std::make_unique<HttpClient>(sandbox.get());
    }

    void TearDown() override
    {
        http.reset();
        if (sandbox)
            sandbox->stop();
    }

    QUrl base() const { return sandbox->baseUrl(); }
    QUrl admin(const QString &what) const { return base().resolved(QUrl(QStringLiteral("_sandbox/") + what)); }
    QUrl url(const QString &path, const QString &api, const QString &extra = {}) const { return http->arm(path, api, extra); }

    QString subscription(const QString &displayName) const
    {
        for (const auto &v : sandbox->info().value(QStringLiteral("subscriptions")).toArray()) {
            if (v.toObject().value(QStringLiteral("displayName")).toString() == displayName)
                return v.toObject().value(QStringLiteral("subscriptionId")).toString();
        }
        ADD_FAILURE() << "no subscription " << displayName.toStdString();
        return {};
    }

    QString tenant(const QString &displayName) const
    {
        for (const auto &v : sandbox->info().value(QStringLiteral("tenants")).toArray()) {
            if (v.toObject().value(QStringLiteral("displayName")).toString() == displayName)
                return v.toObject().value(QStringLiteral("tenantId")).toString();
        }
        ADD_FAILURE() << "no tenant " << displayName.toStdString();
        return {};
    }

    // POST /_sandbox/tokens: {"username" | "clientId" | "objectId", "tenantId", "audience", "lifetimeSeconds"}.
    QString mint(const QJsonObject &request)
    {
        HttpClient plain(sandbox.get());
        const HttpResult r = plain.send("POST", admin(QStringLiteral("tokens")),
                                        QJsonDocument(request).toJson(QJsonDocument::Compact),
                                        {{"Content-Type", "application/json"}}, kTimeoutMs);
        EXPECT_EQ(r.status, 200) << show(r);
        const QString token = r.json().value(QStringLiteral("access_token")).toString();
        EXPECT_FALSE(token.isEmpty());
        return token;
    }

    QString userToken(const QString &tenantId, const QString &username = kUser)
    {
        return mint(QJsonObject{{QStringLiteral("username"), username}, {QStringLiteral("tenantId"), tenantId}});
    }

    // The service principal's token: Entra's client-credentials endpoint when it is there, else minted.
    QString servicePrincipalToken()
    {
        QString token = http->servicePrincipalToken();
        if (token.isEmpty()) {
            const QJsonObject sp = sandbox->info().value(QStringLiteral("servicePrincipal")).toObject();
            token = mint(QJsonObject{{QStringLiteral("clientId"), sp.value(QStringLiteral("clientId")).toString()}});
        }
        return token;
    }

    HttpResult get(const QUrl &u, const Headers &h = {}) { return http->send("GET", u, {}, h, kTimeoutMs); }
    HttpResult del(const QUrl &u, const Headers &h = {}) { return http->send("DELETE", u, {}, h, kTimeoutMs); }
    HttpResult put(const QUrl &u, const QJsonObject &body, Headers h = {})
    {
        h.append(qMakePair(QByteArray("Content-Type"), QByteArray("application/json")));
        return http->send("PUT", u, QJsonDocument(body).toJson(QJsonDocument::Compact), h, kTimeoutMs);
    }
    HttpResult post(const QUrl &u, const QJsonObject &body, Headers h = {})
    {
        h.append(qMakePair(QByteArray("Content-Type"), QByteArray("application/json")));
        return http->send("POST", u, QJsonDocument(body).toJson(QJsonDocument::Compact), h, kTimeoutMs);
    }
    HttpResult postEmpty(const QUrl &u, const Headers &h = {}) { return http->send("POST", u, QByteArray(), h, kTimeoutMs); }

    // HEAD the way clients send it (QNetworkAccessManager::head, which expects no body).
    int head(const QUrl &u, QByteArray *challenge = nullptr)
    {
        QNetworkRequest request(u);
        if (!http->bearer().isEmpty())
            request.setRawHeader("Authorization", "Bearer " + http->bearer().toLatin1());
        QNetworkReply *reply = http->nam().head(request);
        QDeadlineTimer deadline(kTimeoutMs);
        while (!reply->isFinished() && !deadline.hasExpired())
            QCoreApplication::processEvents(QEventLoop::AllEvents, 20);
        const int status = reply->isFinished() ? reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt() : -1;
        if (challenge)
            *challenge = reply->rawHeader("WWW-Authenticate");
        reply->abort();
        reply->deleteLater();
        return status;
    }

    HttpResult adminPost(const QString &what, const QJsonObject &body)
    {
        HttpClient plain(sandbox.get());
        return plain.send("POST", admin(what), QJsonDocument(body).toJson(QJsonDocument::Compact),
                          {{"Content-Type", "application/json"}}, kTimeoutMs);
    }

    void advanceClock(double seconds)
    {
        const HttpResult r = adminPost(QStringLiteral("clock"), QJsonObject{{QStringLiteral("advanceSeconds"), seconds}});
        ASSERT_EQ(r.status, 200) << show(r);
    }

    // Follows an LRO by polling its Azure-AsyncOperation URL (200 with a status body each time) until
    // the status is terminal; returns the last status body.
    QJsonObject waitLro(const HttpResult &started, int timeoutMs = 10000)
    {
        const QUrl status(s(started.header("Azure-AsyncOperation")));
        if (!status.isValid() || status.isRelative()) {
            ADD_FAILURE() << "no absolute Azure-AsyncOperation header: " << show(started);
            return {};
        }
        QDeadlineTimer deadline(timeoutMs);
        while (!deadline.hasExpired()) {
            const HttpResult r = get(status);
            if (r.status != 200) {
                ADD_FAILURE() << "status URL answered " << show(r);
                return {};
            }
            const QJsonObject body = r.json();
            if (terminal(body.value(QStringLiteral("status")).toString()))
                return body;
            QThread::msleep(40);
        }
        ADD_FAILURE() << "LRO did not finish within " << timeoutMs << " ms";
        return {};
    }

    QString waitLroStatus(const HttpResult &started) { return waitLro(started).value(QStringLiteral("status")).toString(); }

    // Follows every nextLink (absolute, same scheme/host/port) and returns all values.
    QJsonArray collect(const QUrl &first, const QByteArray &method = "GET", int *pages = nullptr, const QByteArray &nextMethod = {})
    {
        QJsonArray all;
        QUrl next = first;
        QByteArray verb = method;
        int count = 0;
        while (next.isValid() && !next.isEmpty() && count < 100) {
            const HttpResult r = http->send(verb, next, {}, {}, kTimeoutMs);
            if (r.status != 200) {
                ADD_FAILURE() << verb.constData() << " " << next.toString().toStdString() << ": " << show(r);
                break;
            }
            ++count;
            const QJsonObject page = r.json();
            for (const auto &v : page.value(QStringLiteral("value")).toArray())
                all.append(v);
            const QString link = page.value(QStringLiteral("nextLink")).toString();
            if (link.isEmpty())
                break;
            next = QUrl(link);
            EXPECT_FALSE(next.isRelative()) << link.toStdString();
            EXPECT_EQ(next.scheme(), base().scheme()) << link.toStdString();
            EXPECT_EQ(next.host(), base().host()) << link.toStdString();
            EXPECT_EQ(next.port(), base().port()) << link.toStdString();
            EXPECT_TRUE(QUrlQuery(next).hasQueryItem(QStringLiteral("api-version"))) << link.toStdString();
            if (!nextMethod.isEmpty())
                verb = nextMethod;
        }
        if (pages)
            *pages = count;
        return all;
    }

    QJsonArray listKeys(const QString &resourcePath, const QString &api)
    {
        const HttpResult r = postEmpty(url(resourcePath + QStringLiteral("/listkeys"), api));
        EXPECT_EQ(r.status, 200) << show(r);
        return r.json().value(QStringLiteral("value")).toArray();
    }

    QString primaryKey(const QString &hub, const QString &keyName = QStringLiteral("iothubowner"))
    {
        const HttpResult r = postEmpty(url(hub + QStringLiteral("/IotHubKeys/%1/listkeys").arg(keyName), kHub));
        EXPECT_EQ(r.status, 200) << show(r);
        return r.json().value(QStringLiteral("primaryKey")).toString();
    }

    QString connectionString(const QString &hostName, const QString &keyName, const QString &key)
    {
        return QStringLiteral("HostName=%1;SharedAccessKeyName=%2;SharedAccessKey=%3").arg(hostName, keyName, key);
    }

    std::unique_ptr<SandboxProcess> sandbox;
    std::unique_ptr<HttpClient> http;
};

// The demo world with the user's Contoso token as the default bearer.
class DemoArm : public ArmTest
{
protected:
    void SetUp() override { startDemo(options(QStringLiteral("demo"))); }

    void startDemo(const SandboxProcess::Options &o)
    {
        ASSERT_NO_FATAL_FAILURE(startSandbox(o));
        contoso = tenant(kContosoName);
        fabrikam = tenant(kFabrikamName);
        prod = subscription(kProdName);
        dev = subscription(kDevName);
        fab = subscription(kFabName);
        contosoToken = userToken(contoso);
        fabrikamToken = userToken(fabrikam);
        http->setBearer(contosoToken);
    }

    // Runs `f` with the Fabrikam token as bearer.
    template<typename F>
    auto asFabrikam(F f)
    {
        http->setBearer(fabrikamToken);
        auto result = f();
        http->setBearer(contosoToken);
        return result;
    }

    QString contoso, fabrikam, prod, dev, fab, contosoToken, fabrikamToken;
};

// ---- global names ---------------------------------------------------------------------------

TEST_F(DemoArm, HubNamesAreGlobalAcrossSubscriptionsAndTenants)
{
    const HttpResult created = put(url(hubPath(prod, QStringLiteral("iot-prod-rg"), QStringLiteral("global-hub-1")), kHub), hubBody());
    ASSERT_EQ(created.status, 201) << show(created);

    // Same subscription, other group; other subscription of the tenant; other tenant; other casing.
    const HttpResult sameSub = put(url(hubPath(prod, QStringLiteral("iot-shared-rg"), QStringLiteral("global-hub-1")), kHub), hubBody());
    EXPECT_EQ(sameSub.status, 409) << show(sameSub);
    EXPECT_TRUE(isErrorShaped(sameSub)) << show(sameSub);
    const HttpResult otherTenant = asFabrikam([&] {
        return put(url(hubPath(fab, QStringLiteral("fabrikam-iot-rg"), QStringLiteral("global-hub-1")), kHub), hubBody(QStringLiteral("northeurope")));
    });
    EXPECT_EQ(otherTenant.status, 409) << show(otherTenant);
    const HttpResult otherCase = asFabrikam([&] {
        return put(url(hubPath(fab, QStringLiteral("fabrikam-iot-rg"), QStringLiteral("GLOBAL-HUB-1")), kHub), hubBody(QStringLiteral("northeurope")));
    });
    EXPECT_EQ(otherCase.status, 409) << show(otherCase);
    // A name the demo world already uses in the Fabrikam tenant is taken for Contoso too.
    const HttpResult demoName = put(url(hubPath(prod, QStringLiteral("iot-prod-rg"), QStringLiteral("fabrikam-hub-neu")), kHub), hubBody());
    EXPECT_EQ(demoName.status, 409) << show(demoName);
    const HttpResult check = asFabrikam([&] {
        return post(url(QStringLiteral("/subscriptions/%1/providers/Microsoft.Devices/checkNameAvailability").arg(fab), kHub),
                    QJsonObject{{QStringLiteral("name"), QStringLiteral("global-hub-1")}});
    });
    ASSERT_EQ(check.status, 200) << show(check);
    EXPECT_FALSE(check.json().value(QStringLiteral("nameAvailable")).toBool(true));
    EXPECT_EQ(check.json().value(QStringLiteral("reason")).toString(), QStringLiteral("AlreadyExists"));

    ASSERT_EQ(waitLroStatus(created), QStringLiteral("Succeeded"));
    const HttpResult deleting = del(url(hubPath(prod, QStringLiteral("iot-prod-rg"), QStringLiteral("global-hub-1")), kHub));
    ASSERT_EQ(deleting.status, 202) << show(deleting);
    // While the delete runs the name is still taken.
    const HttpResult during = asFabrikam([&] {
        return put(url(hubPath(fab, QStringLiteral("fabrikam-iot-rg"), QStringLiteral("global-hub-1")), kHub), hubBody(QStringLiteral("northeurope")));
    });
    EXPECT_EQ(during.status, 409) << show(during);
    ASSERT_EQ(waitLroStatus(deleting), QStringLiteral("Succeeded"));
    const HttpResult reused = asFabrikam([&] {
        return put(url(hubPath(fab, QStringLiteral("fabrikam-iot-rg"), QStringLiteral("global-hub-1")), kHub), hubBody(QStringLiteral("northeurope")));
    });
    EXPECT_EQ(reused.status, 201) << show(reused);
}

TEST_F(DemoArm, DpsNamesAreGlobalAcrossSubscriptionsAndTenants)
{
    const HttpResult created = put(url(dpsPath(prod, QStringLiteral("iot-prod-rg"), QStringLiteral("global-dps-1")), kDps), dpsBody());
    ASSERT_EQ(created.status, 201) << show(created);
    const HttpResult sameSub = put(url(dpsPath(prod, QStringLiteral("iot-shared-rg"), QStringLiteral("global-dps-1")), kDps), dpsBody());
    EXPECT_EQ(sameSub.status, 409) << show(sameSub);
    EXPECT_TRUE(isErrorShaped(sameSub)) << show(sameSub);
    const HttpResult otherTenant = asFabrikam([&] {
        return put(url(dpsPath(fab, QStringLiteral("fabrikam-iot-rg"), QStringLiteral("Global-DPS-1")), kDps), dpsBody(QStringLiteral("northeurope")));
    });
    EXPECT_EQ(otherTenant.status, 409) << show(otherTenant);
    const HttpResult demoName = asFabrikam([&] {
        return put(url(dpsPath(fab, QStringLiteral("fabrikam-iot-rg"), QStringLiteral("contoso-dps")), kDps), dpsBody(QStringLiteral("northeurope")));
    });
    EXPECT_EQ(demoName.status, 409) << show(demoName);
    const HttpResult check = asFabrikam([&] {
        return post(url(QStringLiteral("/subscriptions/%1/providers/Microsoft.Devices/checkProvisioningServiceNameAvailability").arg(fab), kDps),
                    QJsonObject{{QStringLiteral("name"), QStringLiteral("global-dps-1")}});
    });
    ASSERT_EQ(check.status, 200) << show(check);
    EXPECT_FALSE(check.json().value(QStringLiteral("nameAvailable")).toBool(true));
    EXPECT_EQ(check.json().value(QStringLiteral("reason")).toString(), QStringLiteral("AlreadyExists"));

    ASSERT_EQ(waitLroStatus(created), QStringLiteral("Succeeded"));
    const HttpResult deleting = del(url(dpsPath(prod, QStringLiteral("iot-prod-rg"), QStringLiteral("global-dps-1")), kDps));
    ASSERT_EQ(deleting.status, 202) << show(deleting);
    ASSERT_EQ(waitLroStatus(deleting), QStringLiteral("Succeeded"));
    const HttpResult reused = asFabrikam([&] {
        return put(url(dpsPath(fab, QStringLiteral("fabrikam-iot-rg"), QStringLiteral("global-dps-1")), kDps), dpsBody(QStringLiteral("northeurope")));
    });
    EXPECT_EQ(reused.status, 201) << show(reused);
}

// ---- name checks and rules ------------------------------------------------------------------

TEST_F(DemoArm, CheckNameAvailabilityForHubsAndDps)
{
    struct Case
    {
        QString path, api, taken;
    };
    const Case cases[] = {
        {QStringLiteral("/subscriptions/%1/providers/Microsoft.Devices/checkNameAvailability").arg(prod), kHub, QStringLiteral("contoso-hub-weu")},
        {QStringLiteral("/subscriptions/%1/providers/Microsoft.Devices/checkProvisioningServiceNameAvailability").arg(prod), kDps, QStringLiteral("contoso-dps")},
    };
    for (const auto &c : cases) {
        SCOPED_TRACE(c.path.toStdString());
        for (const QString &invalid : {QStringLiteral("ab"), QStringLiteral("abc-"), QStringLiteral("-abc"), QStringLiteral("12345"),
                                       QStringLiteral("has_underscore"), QString(51, QLatin1Char('a'))}) {
            const HttpResult r = post(url(c.path, c.api), QJsonObject{{QStringLiteral("name"), invalid}});
            ASSERT_EQ(r.status, 200) << show(r);
            EXPECT_FALSE(r.json().value(QStringLiteral("nameAvailable")).toBool(true)) << invalid.toStdString();
            EXPECT_EQ(r.json().value(QStringLiteral("reason")).toString(), QStringLiteral("Invalid")) << invalid.toStdString();
            EXPECT_FALSE(r.json().value(QStringLiteral("message")).toString().isEmpty());
        }
        const HttpResult taken = post(url(c.path, c.api), QJsonObject{{QStringLiteral("name"), c.taken}});
        ASSERT_EQ(taken.status, 200) << show(taken);
        EXPECT_FALSE(taken.json().value(QStringLiteral("nameAvailable")).toBool(true));
        EXPECT_EQ(taken.json().value(QStringLiteral("reason")).toString(), QStringLiteral("AlreadyExists"));
        const HttpResult takenUpper = post(url(c.path, c.api), QJsonObject{{QStringLiteral("name"), c.taken.toUpper()}});
        EXPECT_FALSE(takenUpper.json().value(QStringLiteral("nameAvailable")).toBool(true)) << show(takenUpper);

        for (const QString &free : {QStringLiteral("brand-new-name-42"), QStringLiteral("abc"), QString(50, QLatin1Char('b'))}) {
            const HttpResult r = post(url(c.path, c.api), QJsonObject{{QStringLiteral("name"), free}});
            ASSERT_EQ(r.status, 200) << show(r);
            EXPECT_TRUE(r.json().value(QStringLiteral("nameAvailable")).toBool(false)) << free.toStdString() << show(r);
        }
        const HttpResult noName = post(url(c.path, c.api), QJsonObject{{QStringLiteral("nom"), QStringLiteral("x")}});
        EXPECT_EQ(noName.status, 400) << show(noName);
    }
}

TEST_F(DemoArm, NameRulesOnCreate)
{
    const QStringList invalid{QStringLiteral("ab"), QStringLiteral("trailing-"), QStringLiteral("-leading"), QStringLiteral("1234567"),
                              QStringLiteral("under_score"), QStringLiteral("dot.ted"), QString(51, QLatin1Char('x'))};
    for (const QString &name : invalid) {
        SCOPED_TRACE(name.toStdString());
        const HttpResult hub = put(url(hubPath(prod, QStringLiteral("iot-prod-rg"), name), kHub), hubBody());
        EXPECT_EQ(hub.status, 400) << show(hub);
        EXPECT_TRUE(isErrorShaped(hub)) << show(hub);
        const HttpResult dps = put(url(dpsPath(prod, QStringLiteral("iot-prod-rg"), name), kDps), dpsBody());
        EXPECT_EQ(dps.status, 400) << show(dps);
        EXPECT_TRUE(isErrorShaped(dps)) << show(dps);
    }
    // Nothing was created by the rejected requests.
    const HttpResult list = get(url(QStringLiteral("/subscriptions/%1/providers/Microsoft.Devices/IotHubs").arg(prod), kHub));
    EXPECT_EQ(list.json().value(QStringLiteral("value")).toArray().size(), 2) << show(list);

    const QStringList valid{QStringLiteral("abc"), QStringLiteral("a-b-c-1"), QStringLiteral("123abc"), QString(50, QLatin1Char('v'))};
    for (const QString &name : valid) {
        SCOPED_TRACE(name.toStdString());
        const HttpResult dps = put(url(dpsPath(prod, QStringLiteral("iot-prod-rg"), name), kDps), dpsBody());
        EXPECT_EQ(dps.status, 201) << show(dps);
        // Hub and DPS names are separate namespaces: the same valid name works for both.
        const HttpResult hub = put(url(hubPath(prod, QStringLiteral("iot-prod-rg"), name), kHub), hubBody());
        EXPECT_EQ(hub.status, 201) << show(hub);
    }
}

// ---- long-running operations ------------------------------------------------------------------

TEST_F(ArmTest, DpsCreateLroProgression)
{
    ASSERT_NO_FATAL_FAILURE(startSandbox(options(QStringLiteral("empty"), QStringLiteral("1.2,1.2,0.3"))));
    http->setBearer(servicePrincipalToken());
    const QString sub = sandbox->subscriptionId();
    ASSERT_EQ(put(url(rgPath(sub, QStringLiteral("rg")), kRes), QJsonObject{{QStringLiteral("location"), QStringLiteral("westeurope")}}).status, 201);
    const QUrl resource = url(dpsPath(sub, QStringLiteral("rg"), QStringLiteral("lro-dps")), kDps);
    const HttpResult created = put(resource, dpsBody());
    ASSERT_EQ(created.status, 201) << show(created);
    const QUrl async(s(created.header("Azure-AsyncOperation")));
    const QUrl location(s(created.header("Location")));
    ASSERT_TRUE(async.isValid() && !async.isRelative()) << show(created);
    ASSERT_TRUE(location.isValid() && !location.isRelative()) << show(created);
    EXPECT_EQ(async.host(), base().host());
    EXPECT_EQ(async.port(), base().port());
    bool ok = false;
    EXPECT_GE(s(created.header("Retry-After")).toInt(&ok), 0);
    EXPECT_TRUE(ok) << "Retry-After must be integer seconds: " << created.header("Retry-After").constData();
    EXPECT_FALSE(terminal(props(created).value(QStringLiteral("provisioningState")).toString())) << show(created);
    EXPECT_EQ(props(created).value(QStringLiteral("state")).toString(), QStringLiteral("Activating"));

    const HttpResult running = get(async);
    ASSERT_EQ(running.status, 200) << show(running);
    EXPECT_EQ(running.json().value(QStringLiteral("status")).toString(), QStringLiteral("Running"));
    const HttpResult pending = get(location);
    EXPECT_EQ(pending.status, 202) << show(pending);
    EXPECT_TRUE(pending.body.isEmpty());
    const HttpResult midway = get(resource);
    EXPECT_EQ(props(midway).value(QStringLiteral("state")).toString(), QStringLiteral("Activating")) << show(midway);

    const QJsonObject final = waitLro(created);
    EXPECT_EQ(final.value(QStringLiteral("status")).toString(), QStringLiteral("Succeeded"));
    EXPECT_FALSE(final.contains(QStringLiteral("error")));
    const HttpResult done = get(location);
    ASSERT_EQ(done.status, 200) << show(done);
    EXPECT_EQ(done.json().value(QStringLiteral("name")).toString(), QStringLiteral("lro-dps"));
    const HttpResult after = get(resource);
    ASSERT_EQ(after.status, 200) << show(after);
    EXPECT_EQ(props(after).value(QStringLiteral("provisioningState")).toString(), QStringLiteral("Succeeded"));
    EXPECT_EQ(props(after).value(QStringLiteral("state")).toString(), QStringLiteral("Active"));

    // PUT on the existing DPS: 200 and again an LRO.
    const HttpResult updated = put(resource, dpsBody(QStringLiteral("westeurope"), {}, QStringLiteral("GeoLatency")));
    ASSERT_EQ(updated.status, 200) << show(updated);
    EXPECT_FALSE(updated.header("Azure-AsyncOperation").isEmpty());
    EXPECT_FALSE(updated.header("Location").isEmpty());
    EXPECT_EQ(waitLroStatus(updated), QStringLiteral("Succeeded"));
    EXPECT_EQ(props(get(resource)).value(QStringLiteral("allocationPolicy")).toString(), QStringLiteral("GeoLatency"));
}

TEST_F(ArmTest, HubCreateLroProgressionAndDelete)
{
    ASSERT_NO_FATAL_FAILURE(startSandbox(options(QStringLiteral("empty"), QStringLiteral("0.3,1.2,0.8"))));
    http->setBearer(servicePrincipalToken());
    const QString sub = sandbox->subscriptionId();
    ASSERT_EQ(put(url(rgPath(sub, QStringLiteral("rg")), kRes), QJsonObject{{QStringLiteral("location"), QStringLiteral("eastus")}}).status, 201);
    const QUrl resource = url(hubPath(sub, QStringLiteral("rg"), QStringLiteral("lro-hub")), kHub);
    const HttpResult created = put(resource, hubBody(QStringLiteral("eastus")));
    ASSERT_EQ(created.status, 201) << show(created);
    EXPECT_FALSE(created.header("Azure-AsyncOperation").isEmpty());
    EXPECT_FALSE(created.header("Location").isEmpty());
    EXPECT_FALSE(created.header("Retry-After").isEmpty());
    EXPECT_FALSE(terminal(props(created).value(QStringLiteral("provisioningState")).toString())) << show(created);
    const HttpResult running = get(QUrl(s(created.header("Azure-AsyncOperation"))));
    EXPECT_EQ(running.json().value(QStringLiteral("status")).toString(), QStringLiteral("Running")) << show(running);
    EXPECT_EQ(get(QUrl(s(created.header("Location")))).status, 202);
    ASSERT_EQ(waitLroStatus(created), QStringLiteral("Succeeded"));
    const HttpResult viaLocation = get(QUrl(s(created.header("Location"))));
    EXPECT_EQ(viaLocation.status, 200) << show(viaLocation);
    EXPECT_EQ(props(viaLocation).value(QStringLiteral("hostName")).toString(), QStringLiteral("lro-hub.azure-devices.net"));
    const HttpResult after = get(resource);
    EXPECT_EQ(props(after).value(QStringLiteral("provisioningState")).toString(), QStringLiteral("Succeeded"));
    EXPECT_EQ(props(after).value(QStringLiteral("state")).toString(), QStringLiteral("Active"));

    const HttpResult deleting = del(resource);
    ASSERT_EQ(deleting.status, 202) << show(deleting);
    EXPECT_FALSE(deleting.header("Location").isEmpty());
    EXPECT_FALSE(deleting.header("Azure-AsyncOperation").isEmpty());
    EXPECT_FALSE(deleting.header("Retry-After").isEmpty());
    const HttpResult during = get(resource);
    EXPECT_EQ(during.status, 200) << show(during);
    EXPECT_FALSE(terminal(props(during).value(QStringLiteral("provisioningState")).toString())) << show(during);
    EXPECT_EQ(get(QUrl(s(deleting.header("Location")))).status, 202);
    ASSERT_EQ(waitLroStatus(deleting), QStringLiteral("Succeeded"));
    const int finalLocation = get(QUrl(s(deleting.header("Location")))).status;
    EXPECT_TRUE(finalLocation == 200 || finalLocation == 204) << finalLocation;
    const HttpResult gone = get(resource);
    EXPECT_EQ(gone.status, 404) << show(gone);
    EXPECT_EQ(errorCode(gone), QStringLiteral("ResourceNotFound")) << show(gone);
}

TEST_F(ArmTest, DpsDeleteThenNotFound)
{
    ASSERT_NO_FATAL_FAILURE(startSandbox(options(QStringLiteral("demo"))));
    http->setBearer(userToken(tenant(kContosoName)));
    const QUrl resource = url(dpsPath(subscription(kProdName), QStringLiteral("iot-shared-rg"), QStringLiteral("contoso-dps-staging")), kDps);
    const HttpResult deleting = del(resource);
    ASSERT_EQ(deleting.status, 202) << show(deleting);
    EXPECT_FALSE(deleting.header("Location").isEmpty());
    EXPECT_FALSE(deleting.header("Azure-AsyncOperation").isEmpty());
    ASSERT_EQ(waitLroStatus(deleting), QStringLiteral("Succeeded"));
    const HttpResult gone = get(resource);
    EXPECT_EQ(gone.status, 404) << show(gone);
    // ARM's "ResourceNotFound" or the DPS provider's flat numeric 404xxx code.
    const QString code = errorCode(gone);
    EXPECT_TRUE(code == QLatin1String("ResourceNotFound") || (code.startsWith(QLatin1String("404")) && code.size() == 6)) << show(gone);
    const HttpResult again = del(resource);
    EXPECT_TRUE(again.status == 404 || again.status == 204) << show(again);
}

TEST_F(ArmTest, FailedLroViaFaultRule)
{
    ASSERT_NO_FATAL_FAILURE(startSandbox(options(QStringLiteral("empty"))));
    http->setBearer(servicePrincipalToken());
    const QString sub = sandbox->subscriptionId();
    ASSERT_EQ(put(url(rgPath(sub, QStringLiteral("rg")), kRes), QJsonObject{{QStringLiteral("location"), QStringLiteral("westeurope")}}).status, 201);
    const HttpResult fault = adminPost(QStringLiteral("faults"), QJsonObject{{QStringLiteral("failLro"), true},
                                                                           {QStringLiteral("method"), QStringLiteral("PUT")},
                                                                           {QStringLiteral("path"), QStringLiteral("IotHubs")}});
    ASSERT_EQ(fault.status, 201) << show(fault);
    const QUrl resource = url(hubPath(sub, QStringLiteral("rg"), QStringLiteral("doomed-hub")), kHub);
    const HttpResult created = put(resource, hubBody());
    ASSERT_EQ(created.status, 201) << show(created);
    const QJsonObject final = waitLro(created);
    EXPECT_EQ(final.value(QStringLiteral("status")).toString(), QStringLiteral("Failed"));
    const QJsonObject error = final.value(QStringLiteral("error")).toObject();
    EXPECT_FALSE(error.value(QStringLiteral("code")).toString().isEmpty()) << QJsonDocument(final).toJson().constData();
    EXPECT_FALSE(error.value(QStringLiteral("message")).toString().isEmpty());
    const HttpResult viaLocation = get(QUrl(s(created.header("Location"))));
    EXPECT_GE(viaLocation.status, 400) << show(viaLocation);
    EXPECT_TRUE(isErrorShaped(viaLocation)) << show(viaLocation);
    const HttpResult after = get(resource);
    EXPECT_EQ(props(after).value(QStringLiteral("provisioningState")).toString(), QStringLiteral("Failed")) << show(after);

    // The rule was used up: the next hub succeeds.
    const HttpResult next = put(url(hubPath(sub, QStringLiteral("rg"), QStringLiteral("fine-hub")), kHub), hubBody());
    ASSERT_EQ(next.status, 201) << show(next);
    EXPECT_EQ(waitLroStatus(next), QStringLiteral("Succeeded"));
}

// ---- paging -------------------------------------------------------------------------------

class PagingArm : public ArmTest
{
protected:
    void SetUp() override
    {
        SandboxProcess::Options o = options(QStringLiteral("scale:5:10"));
        o.pageSize = 2;
        ASSERT_NO_FATAL_FAILURE(startSandbox(o));
        const QString tenantId = sandbox->tenantId();
        http->setBearer(userToken(tenantId, QStringLiteral("scale@scale.example")));
        sub = sandbox->subscriptionId();
    }

    // The same list with one big page (page size raised through the admin API), for comparison.
    QJsonArray unpaged(const QUrl &u, const QByteArray &method = "GET")
    {
        EXPECT_EQ(adminPost(QStringLiteral("options"), QJsonObject{{QStringLiteral("pageSize"), 1000}}).status, 200);
        const HttpResult r = http->send(method, u, {}, {}, kTimeoutMs);
        EXPECT_EQ(r.status, 200) << show(r);
        EXPECT_TRUE(r.json().value(QStringLiteral("nextLink")).toString().isEmpty()) << show(r);
        EXPECT_EQ(adminPost(QStringLiteral("options"), QJsonObject{{QStringLiteral("pageSize"), 2}}).status, 200);
        return r.json().value(QStringLiteral("value")).toArray();
    }

    void expectSameUnion(const QJsonArray &paged, const QJsonArray &full, const QString &field, int minimum)
    {
        const QStringList a = names(paged, field), b = names(full, field);
        EXPECT_GE(a.size(), minimum);
        EXPECT_EQ(QSet<QString>(a.begin(), a.end()).size(), a.size()) << "duplicates: " << a.join(QLatin1Char(',')).toStdString();
        QStringList sa = a, sb = b;
        sa.sort();
        sb.sort();
        EXPECT_EQ(sa, sb) << sa.join(QLatin1Char(',')).toStdString() << " vs " << sb.join(QLatin1Char(',')).toStdString();
    }

    QString sub;
};

TEST_F(PagingArm, ResourceGroups)
{
    for (int i = 0; i < 4; ++i) {
        const HttpResult r = put(url(rgPath(sub, QStringLiteral("paged-rg-%1").arg(i)), kRes),
                                 QJsonObject{{QStringLiteral("location"), QStringLiteral("eastus")}});
        ASSERT_EQ(r.status, 201) << show(r);
    }
    int pages = 0;
    const QUrl first = url(QStringLiteral("/subscriptions/%1/resourcegroups").arg(sub), kRes);
    const QJsonArray paged = collect(first, "GET", &pages);
    EXPECT_EQ(pages, 3);
    expectSameUnion(paged, unpaged(first), QStringLiteral("name"), 5);
}

TEST_F(PagingArm, HubsAndDps)
{
    struct Case
    {
        QString path, api;
    };
    const Case cases[] = {
        {QStringLiteral("/subscriptions/%1/providers/Microsoft.Devices/IotHubs").arg(sub), kHub},
        {QStringLiteral("/subscriptions/%1/providers/Microsoft.Devices/provisioningServices").arg(sub), kDps},
        {QStringLiteral("/subscriptions/%1/resourceGroups/rg-001/providers/Microsoft.Devices/IotHubs").arg(sub), kHub},
        {QStringLiteral("/subscriptions/%1/resourceGroups/rg-001/providers/Microsoft.Devices/provisioningServices").arg(sub), kDps},
    };
    for (const auto &c : cases) {
        SCOPED_TRACE(c.path.toStdString());
        int pages = 0;
        const QJsonArray paged = collect(url(c.path, c.api), "GET", &pages);
        EXPECT_EQ(pages, 3);
        expectSameUnion(paged, unpaged(url(c.path, c.api)), QStringLiteral("id"), 5);
    }
}

TEST_F(PagingArm, Subscriptions)
{
    int pages = 0;
    const QUrl first = url(QStringLiteral("/subscriptions"), kSubs);
    const QJsonArray paged = collect(first, "GET", &pages);
    EXPECT_EQ(pages, 3);
    expectSameUnion(paged, unpaged(first), QStringLiteral("subscriptionId"), 5);
    QStringList expected;
    for (const auto &v : sandbox->info().value(QStringLiteral("subscriptions")).toArray())
        expected.append(v.toObject().value(QStringLiteral("subscriptionId")).toString());
    QStringList got = names(paged, QStringLiteral("subscriptionId"));
    expected.sort();
    got.sort();
    EXPECT_EQ(got, expected);
}

TEST_F(PagingArm, ListKeysFollowedWithPostAndWithGet)
{
    const QString hub = QStringLiteral("/subscriptions/%1/resourceGroups/rg-001/providers/Microsoft.Devices/IotHubs/s1-hub-1").arg(sub);
    const QUrl first = url(hub + QStringLiteral("/listkeys"), kHub);
    int postPages = 0, getPages = 0;
    const QJsonArray viaPost = collect(first, "POST", &postPages, "POST");
    const QJsonArray viaGet = collect(first, "POST", &getPages, "GET");
    EXPECT_EQ(postPages, 3);
    EXPECT_EQ(getPages, 3);
    const QJsonArray full = unpaged(first, "POST");
    expectSameUnion(viaPost, full, QStringLiteral("keyName"), 5);
    expectSameUnion(viaGet, full, QStringLiteral("keyName"), 5);
    EXPECT_EQ(viaPost, viaGet);
}

TEST_F(PagingArm, TopIsHonoured)
{
    const QString path = QStringLiteral("/subscriptions/%1/providers/Microsoft.Devices/IotHubs").arg(sub);
    ASSERT_EQ(adminPost(QStringLiteral("options"), QJsonObject{{QStringLiteral("pageSize"), 100}}).status, 200);
    const HttpResult top3 = get(url(path, kHub, QStringLiteral("$top=3")));
    ASSERT_EQ(top3.status, 200) << show(top3);
    EXPECT_EQ(top3.json().value(QStringLiteral("value")).toArray().size(), 3);
    int pages = 0;
    const QJsonArray all = collect(url(path, kHub, QStringLiteral("$top=1")), "GET", &pages);
    EXPECT_EQ(pages, 5);
    EXPECT_EQ(all.size(), 5);
    const HttpResult top1 = get(url(path, kHub, QStringLiteral("$top=1")));
    const QUrl next(top1.json().value(QStringLiteral("nextLink")).toString());
    EXPECT_EQ(QUrlQuery(next).queryItemValue(QStringLiteral("$top")), QStringLiteral("1")) << next.toString().toStdString();
}

// ---- providers, resource groups, quotas -------------------------------------------------------

TEST_F(DemoArm, ProviderRegistrationFlow)
{
    // Restart with a short registration delay.
    SandboxProcess::Options o = options(QStringLiteral("demo"));
    o.extraArgs << QStringLiteral("--register-seconds") << QStringLiteral("30"); // then the clock is advanced
    http.reset();
    sandbox->stop();
    ASSERT_NO_FATAL_FAILURE(startDemo(o));

    const QUrl hub = url(hubPath(dev, QStringLiteral("dev-rg"), QStringLiteral("dev-hub-1")), kHub);
    const HttpResult refused = put(hub, hubBody(QStringLiteral("northeurope")));
    EXPECT_EQ(refused.status, 409) << show(refused);
    EXPECT_EQ(errorCode(refused), QStringLiteral("MissingSubscriptionRegistration")) << show(refused);
    const HttpResult dpsRefused = put(url(dpsPath(dev, QStringLiteral("dev-rg"), QStringLiteral("dev-dps-1")), kDps), dpsBody(QStringLiteral("northeurope")));
    EXPECT_EQ(errorCode(dpsRefused), QStringLiteral("MissingSubscriptionRegistration")) << show(dpsRefused);

    const QUrl provider = url(QStringLiteral("/subscriptions/%1/providers/Microsoft.Devices").arg(dev), kRes);
    EXPECT_EQ(get(provider).json().value(QStringLiteral("registrationState")).toString(), QStringLiteral("NotRegistered"));
    const HttpResult reg = postEmpty(url(QStringLiteral("/subscriptions/%1/providers/Microsoft.Devices/register").arg(dev), kRes));
    ASSERT_EQ(reg.status, 200) << show(reg);
    EXPECT_EQ(reg.json().value(QStringLiteral("registrationState")).toString(), QStringLiteral("Registering"));
    EXPECT_EQ(get(provider).json().value(QStringLiteral("registrationState")).toString(), QStringLiteral("Registering"));
    EXPECT_EQ(put(hub, hubBody(QStringLiteral("northeurope"))).status, 409);

    ASSERT_NO_FATAL_FAILURE(advanceClock(31));
    QDeadlineTimer deadline(5000);
    QString state;
    while (!deadline.hasExpired()) {
        state = get(provider).json().value(QStringLiteral("registrationState")).toString();
        if (state == QLatin1String("Registered"))
            break;
        QThread::msleep(50);
    }
    ASSERT_EQ(state, QStringLiteral("Registered"));
    const HttpResult created = put(hub, hubBody(QStringLiteral("northeurope")));
    EXPECT_EQ(created.status, 201) << show(created);
}

TEST_F(DemoArm, ResourceGroupNotFoundForResourcesInMissingGroup)
{
    const HttpResult hub = put(url(hubPath(prod, QStringLiteral("no-such-rg"), QStringLiteral("orphan-hub")), kHub), hubBody());
    EXPECT_EQ(hub.status, 404) << show(hub);
    EXPECT_EQ(errorCode(hub), QStringLiteral("ResourceGroupNotFound")) << show(hub);
    const HttpResult dps = put(url(dpsPath(prod, QStringLiteral("no-such-rg"), QStringLiteral("orphan-dps")), kDps), dpsBody());
    EXPECT_EQ(dps.status, 404) << show(dps);
    EXPECT_EQ(errorCode(dps), QStringLiteral("ResourceGroupNotFound")) << show(dps);
    const HttpResult getHub = get(url(hubPath(prod, QStringLiteral("no-such-rg"), QStringLiteral("orphan-hub")), kHub));
    EXPECT_EQ(errorCode(getHub), QStringLiteral("ResourceGroupNotFound")) << show(getHub);
    const HttpResult list = get(url(QStringLiteral("/subscriptions/%1/resourceGroups/no-such-rg/providers/Microsoft.Devices/IotHubs").arg(prod), kHub));
    EXPECT_EQ(errorCode(list), QStringLiteral("ResourceGroupNotFound")) << show(list);
}

TEST_F(DemoArm, ResourceGroupLifecycle)
{
    // A slow group deletion (30 s), finished by advancing the sandbox clock.
    http.reset();
    sandbox->stop();
    ASSERT_NO_FATAL_FAILURE(startDemo(options(QStringLiteral("demo"), QStringLiteral("0.2,0.3,30"))));
    const QUrl group = url(rgPath(prod, QStringLiteral("life-rg")), kRes);
    EXPECT_EQ(head(group), 404);
    const QJsonObject body{{QStringLiteral("location"), QStringLiteral("westeurope")}, {QStringLiteral("tags"), QJsonObject{{QStringLiteral("env"), QStringLiteral("test")}}}};
    const HttpResult created = put(group, body);
    ASSERT_EQ(created.status, 201) << show(created);
    EXPECT_EQ(created.json().value(QStringLiteral("name")).toString(), QStringLiteral("life-rg"));
    EXPECT_EQ(created.json().value(QStringLiteral("location")).toString(), QStringLiteral("westeurope"));
    EXPECT_EQ(created.json().value(QStringLiteral("properties")).toObject().value(QStringLiteral("provisioningState")).toString(), QStringLiteral("Succeeded"));
    EXPECT_EQ(put(group, body).status, 200);
    EXPECT_EQ(head(group), 204);
    const HttpResult moved = put(group, QJsonObject{{QStringLiteral("location"), QStringLiteral("eastus")}});
    EXPECT_EQ(moved.status, 409) << show(moved);
    EXPECT_TRUE(isErrorShaped(moved));

    const QUrl hub = url(hubPath(prod, QStringLiteral("life-rg"), QStringLiteral("life-hub")), kHub);
    const QUrl dps = url(dpsPath(prod, QStringLiteral("life-rg"), QStringLiteral("life-dps")), kDps);
    const HttpResult hubCreated = put(hub, hubBody());
    ASSERT_EQ(hubCreated.status, 201) << show(hubCreated);
    ASSERT_EQ(put(dps, dpsBody()).status, 201);
    ASSERT_EQ(waitLroStatus(hubCreated), QStringLiteral("Succeeded"));

    const HttpResult deleting = del(group);
    ASSERT_EQ(deleting.status, 202) << show(deleting);
    const QUrl location(s(deleting.header("Location")));
    ASSERT_TRUE(location.isValid() && !location.isRelative()) << show(deleting);
    EXPECT_FALSE(deleting.header("Retry-After").isEmpty());
    EXPECT_EQ(get(location).status, 202);
    EXPECT_EQ(head(group), 204) << "the group exists while it is being deleted";
    const HttpResult busy = put(group, body);
    EXPECT_EQ(busy.status, 409) << "no updates while being deleted: " << show(busy);
    ASSERT_NO_FATAL_FAILURE(advanceClock(31));
    QDeadlineTimer deadline(5000);
    int status = 0;
    while (!deadline.hasExpired()) {
        status = get(location).status;
        if (status != 202)
            break;
        QThread::msleep(40);
    }
    EXPECT_EQ(status, 200);
    EXPECT_EQ(head(group), 404);
    EXPECT_EQ(get(group).status, 404);
    EXPECT_EQ(get(hub).status, 404);
    EXPECT_EQ(get(dps).status, 404);
    const HttpResult hubs = get(url(QStringLiteral("/subscriptions/%1/providers/Microsoft.Devices/IotHubs").arg(prod), kHub));
    EXPECT_FALSE(names(hubs.json().value(QStringLiteral("value")).toArray()).contains(QStringLiteral("life-hub"))) << show(hubs);
    const HttpResult check = post(url(QStringLiteral("/subscriptions/%1/providers/Microsoft.Devices/checkNameAvailability").arg(prod), kHub),
                                  QJsonObject{{QStringLiteral("name"), QStringLiteral("life-hub")}});
    EXPECT_TRUE(check.json().value(QStringLiteral("nameAvailable")).toBool(false)) << show(check);
}

TEST_F(DemoArm, OneFreeHubPerSubscription)
{
    const QUrl usages = url(QStringLiteral("/subscriptions/%1/providers/Microsoft.Devices/usages").arg(prod), kHub);
    auto freeUsage = [&]() {
        const HttpResult r = get(usages);
        EXPECT_EQ(r.status, 200) << show(r);
        for (const auto &v : r.json().value(QStringLiteral("value")).toArray()) {
            if (v.toObject().value(QStringLiteral("name")).toObject().value(QStringLiteral("value")).toString() == QLatin1String("FreeIoTHubs"))
                return v.toObject();
        }
        ADD_FAILURE() << "no FreeIoTHubs usage: " << show(r);
        return QJsonObject();
    };
    EXPECT_EQ(freeUsage().value(QStringLiteral("currentValue")).toInt(-1), 0);
    const HttpResult first = put(url(hubPath(prod, QStringLiteral("iot-prod-rg"), QStringLiteral("free-hub-1")), kHub), hubBody(QStringLiteral("westeurope"), QStringLiteral("F1"), 2));
    ASSERT_EQ(first.status, 201) << show(first);
    EXPECT_EQ(first.json().value(QStringLiteral("sku")).toObject().value(QStringLiteral("tier")).toString(), QStringLiteral("Free"));
    const HttpResult second = put(url(hubPath(prod, QStringLiteral("iot-shared-rg"), QStringLiteral("free-hub-2")), kHub), hubBody(QStringLiteral("eastus"), QStringLiteral("F1"), 2));
    EXPECT_EQ(second.status, 400) << show(second);
    EXPECT_TRUE(errorMessage(second).contains(QLatin1String("free"), Qt::CaseInsensitive)) << show(second);
    EXPECT_TRUE(errorMessage(second).contains(QLatin1String("free-hub-1"))) << "names the existing free hub: " << show(second);
    const QJsonObject usage = freeUsage();
    EXPECT_EQ(usage.value(QStringLiteral("currentValue")).toInt(-1), 1);
    EXPECT_EQ(usage.value(QStringLiteral("limit")).toInt(-1), 1);
    // The limit is per subscription: Fabrikam can still have one.
    const HttpResult fabFree = asFabrikam([&] {
        return put(url(hubPath(fab, QStringLiteral("fabrikam-iot-rg"), QStringLiteral("free-hub-3")), kHub), hubBody(QStringLiteral("northeurope"), QStringLiteral("F1"), 2));
    });
    EXPECT_EQ(fabFree.status, 201) << show(fabFree);
}

// ---- host names, id scope, keys ---------------------------------------------------------------

TEST_F(DemoArm, HostNamesAndIdScope)
{
    const HttpResult hub = put(url(hubPath(prod, QStringLiteral("iot-prod-rg"), QStringLiteral("host-hub")), kHub), hubBody());
    ASSERT_EQ(hub.status, 201);
    EXPECT_EQ(props(hub).value(QStringLiteral("hostName")).toString(), QStringLiteral("host-hub.azure-devices.net"));
    const HttpResult dps = put(url(dpsPath(prod, QStringLiteral("iot-prod-rg"), QStringLiteral("host-dps")), kDps), dpsBody());
    ASSERT_EQ(dps.status, 201);
    static const QRegularExpression idScope(QStringLiteral("^0ne[0-9A-F]{8}$"));
    QSet<QString> scopes;
    for (const QString &name : {QStringLiteral("host-dps"), QStringLiteral("contoso-dps")}) {
        const HttpResult r = get(url(dpsPath(prod, QStringLiteral("iot-prod-rg"), name), kDps));
        ASSERT_EQ(r.status, 200) << show(r);
        const QJsonObject p = props(r);
        EXPECT_EQ(p.value(QStringLiteral("serviceOperationsHostName")).toString(), name + QStringLiteral(".azure-devices-provisioning.net"));
        EXPECT_EQ(p.value(QStringLiteral("deviceProvisioningHostName")).toString(), QStringLiteral("global.azure-devices-provisioning.net"));
        const QString scope = p.value(QStringLiteral("idScope")).toString();
        EXPECT_TRUE(idScope.match(scope).hasMatch()) << scope.toStdString();
        scopes.insert(scope);
        EXPECT_EQ(r.json().value(QStringLiteral("type")).toString(), QStringLiteral("Microsoft.Devices/ProvisioningServices"));
        EXPECT_EQ(r.json().value(QStringLiteral("sku")).toObject().value(QStringLiteral("tier")).toString(), QStringLiteral("Standard"));
        EXPECT_FALSE(r.json().value(QStringLiteral("etag")).toString().isEmpty());
        EXPECT_EQ(r.json().value(QStringLiteral("resourcegroup")).toString(), QStringLiteral("iot-prod-rg"));
        EXPECT_EQ(r.json().value(QStringLiteral("subscriptionid")).toString(), prod);
    }
    EXPECT_EQ(scopes.size(), 2) << "every DPS has its own id scope";
}

TEST_F(DemoArm, KeysAreRandomPerResourceWithDefaultPolicies)
{
    const QString weu = hubPath(prod, QStringLiteral("iot-prod-rg"), QStringLiteral("contoso-hub-weu"));
    const QString eus = hubPath(prod, QStringLiteral("iot-shared-rg"), QStringLiteral("contoso-hub-eus"));
    const QJsonArray a = listKeys(weu, kHub), b = listKeys(eus, kHub);
    QStringList policyNames = names(a, QStringLiteral("keyName"));
    policyNames.sort();
    EXPECT_EQ(policyNames, (QStringList{QStringLiteral("device"), QStringLiteral("iothubowner"), QStringLiteral("registryRead"),
                                         QStringLiteral("registryReadWrite"), QStringLiteral("service")}));
    QSet<QString> allKeys;
    for (const QJsonArray &keys : {a, b}) {
        for (const auto &v : keys) {
            const QJsonObject k = v.toObject();
            for (const QString &f : {QStringLiteral("primaryKey"), QStringLiteral("secondaryKey")}) {
                const QByteArray raw = QByteArray::fromBase64(k.value(f).toString().toLatin1(), QByteArray::AbortOnBase64DecodingErrors);
                EXPECT_EQ(raw.size(), 32) << k.value(f).toString().toStdString();
                allKeys.insert(k.value(f).toString());
            }
            EXPECT_FALSE(k.value(QStringLiteral("rights")).toString().isEmpty());
        }
    }
    EXPECT_EQ(allKeys.size(), 20) << "every key of both hubs is distinct";
    for (const auto &v : a) {
        if (v.toObject().value(QStringLiteral("keyName")).toString() == QLatin1String("iothubowner")) {
            const QString rights = v.toObject().value(QStringLiteral("rights")).toString();
            EXPECT_TRUE(rights.contains(QLatin1String("RegistryWrite")) && rights.contains(QLatin1String("ServiceConnect"))) << rights.toStdString();
        }
    }

    // One policy by name, the same as in the list.
    const HttpResult one = postEmpty(url(weu + QStringLiteral("/IotHubKeys/registryRead/listkeys"), kHub));
    ASSERT_EQ(one.status, 200) << show(one);
    EXPECT_EQ(one.json().value(QStringLiteral("keyName")).toString(), QStringLiteral("registryRead"));
    bool found = false;
    for (const auto &v : a)
        found = found || v.toObject() == one.json();
    EXPECT_TRUE(found);
    const HttpResult unknown = postEmpty(url(weu + QStringLiteral("/IotHubKeys/nosuchpolicy/listkeys"), kHub));
    EXPECT_EQ(unknown.status, 404) << show(unknown);
    EXPECT_TRUE(isErrorShaped(unknown));

    const QString dps = dpsPath(prod, QStringLiteral("iot-prod-rg"), QStringLiteral("contoso-dps"));
    const QString dps2 = dpsPath(prod, QStringLiteral("iot-shared-rg"), QStringLiteral("contoso-dps-staging"));
    const QJsonArray d = listKeys(dps, kDps), d2 = listKeys(dps2, kDps);
    ASSERT_EQ(d.size(), 1);
    EXPECT_EQ(d.at(0).toObject().value(QStringLiteral("keyName")).toString(), QStringLiteral("provisioningserviceowner"));
    EXPECT_NE(d.at(0).toObject().value(QStringLiteral("primaryKey")).toString(), d2.at(0).toObject().value(QStringLiteral("primaryKey")).toString());
    const HttpResult dpsOne = postEmpty(url(dps + QStringLiteral("/keys/provisioningserviceowner/listkeys"), kDps));
    ASSERT_EQ(dpsOne.status, 200) << show(dpsOne);
    EXPECT_EQ(dpsOne.json(), d.at(0).toObject());
    const HttpResult dpsUnknown = postEmpty(url(dps + QStringLiteral("/keys/iothubowner/listkeys"), kDps));
    EXPECT_EQ(dpsUnknown.status, 404) << show(dpsUnknown);

    // Keys never appear in GET or list bodies.
    for (const QUrl &u : {url(weu, kHub), url(QStringLiteral("/subscriptions/%1/providers/Microsoft.Devices/IotHubs").arg(prod), kHub),
                          url(dps, kDps), url(QStringLiteral("/subscriptions/%1/providers/Microsoft.Devices/provisioningServices").arg(prod), kDps)}) {
        const HttpResult r = get(u);
        ASSERT_EQ(r.status, 200) << show(r);
        for (const QString &key : allKeys)
            EXPECT_FALSE(r.body.contains(key.toLatin1())) << u.toString().toStdString();
        EXPECT_FALSE(r.body.contains(d.at(0).toObject().value(QStringLiteral("primaryKey")).toString().toLatin1()));
    }
}

// ---- linking ---------------------------------------------------------------------------------

// Links go onto the demo world's contoso-dps-staging (eastus, no links yet).
class LinkArm : public DemoArm
{
protected:
    void SetUp() override
    {
        DemoArm::SetUp();
        dps = dpsPath(prod, QStringLiteral("iot-shared-rg"), QStringLiteral("contoso-dps-staging"));
        hub = hubPath(prod, QStringLiteral("iot-shared-rg"), QStringLiteral("contoso-hub-eus"));
        ownerKey = primaryKey(hub);
        goodCs = connectionString(QStringLiteral("contoso-hub-eus.azure-devices.net"), QStringLiteral("iothubowner"), ownerKey);
    }

    HttpResult putLinks(const QJsonArray &hubs, const QString &api = kDps)
    {
        return put(url(dps, api), dpsBody(QStringLiteral("eastus"), hubs));
    }

    QJsonArray linkedHubs(const QString &api = kDps)
    {
        const HttpResult r = get(url(dps, api));
        EXPECT_EQ(r.status, 200) << show(r);
        return props(r).value(QStringLiteral("iotHubs")).toArray();
    }

    // What the sandbox stores (admin view): the linked hubs with their real connection strings.
    QJsonArray storedLinks()
    {
        HttpClient plain(sandbox.get());
        const HttpResult r = plain.send("GET", admin(QStringLiteral("state")), {}, {}, kTimeoutMs);
        EXPECT_EQ(r.status, 200);
        for (const auto &v : r.json().value(QStringLiteral("resources")).toArray()) {
            if (v.toObject().value(QStringLiteral("name")).toString() == QLatin1String("contoso-dps-staging"))
                return v.toObject().value(QStringLiteral("body")).toObject().value(QStringLiteral("properties")).toObject().value(QStringLiteral("iotHubs")).toArray();
        }
        ADD_FAILURE() << "contoso-dps-staging not in the state";
        return {};
    }

    void expectRejected(const QJsonArray &hubs, const char *why)
    {
        const HttpResult r = putLinks(hubs);
        EXPECT_EQ(r.status, 400) << why << ": " << show(r);
        EXPECT_TRUE(isErrorShaped(r)) << why << ": " << show(r);
        EXPECT_TRUE(r.header("Azure-AsyncOperation").isEmpty()) << why;
        EXPECT_TRUE(linkedHubs().isEmpty()) << why << ": nothing was linked";
    }

    QString dps, hub, ownerKey, goodCs;
};

TEST_F(LinkArm, GoodConnectionStringLinks)
{
    const HttpResult r = putLinks({link(goodCs, QStringLiteral("eastus"), 3, true)});
    ASSERT_EQ(r.status, 200) << show(r);
    ASSERT_EQ(waitLroStatus(r), QStringLiteral("Succeeded"));
    const QJsonArray hubs = linkedHubs();
    ASSERT_EQ(hubs.size(), 1);
    const QJsonObject h = hubs.at(0).toObject();
    EXPECT_EQ(h.value(QStringLiteral("name")).toString(), QStringLiteral("contoso-hub-eus.azure-devices.net"));
    EXPECT_EQ(h.value(QStringLiteral("location")).toString(), QStringLiteral("eastus"));
    EXPECT_EQ(h.value(QStringLiteral("allocationWeight")).toInt(), 3);
    EXPECT_TRUE(h.value(QStringLiteral("applyAllocationPolicy")).toBool());
    EXPECT_EQ(h.value(QStringLiteral("connectionString")).toString(),
              QStringLiteral("HostName=contoso-hub-eus.azure-devices.net;SharedAccessKeyName=iothubowner;SharedAccessKey=****"));
    EXPECT_FALSE(h.contains(QStringLiteral("authenticationType"))) << "2022-12-12 has no authenticationType";
}

TEST_F(LinkArm, MaskedKeysNeverInGetOrList)
{
    const HttpResult r = putLinks({link(goodCs, QStringLiteral("eastus"))});
    ASSERT_EQ(r.status, 200) << show(r);
    EXPECT_FALSE(r.body.contains(ownerKey.toLatin1())) << "the PUT reply masks too";
    ASSERT_EQ(waitLroStatus(r), QStringLiteral("Succeeded"));
    const QList<QUrl> reads{url(dps, kDps), url(dps, kDpsLatest),
                            url(QStringLiteral("/subscriptions/%1/resourceGroups/iot-shared-rg/providers/Microsoft.Devices/provisioningServices").arg(prod), kDps),
                            url(QStringLiteral("/subscriptions/%1/providers/Microsoft.Devices/provisioningServices").arg(prod), kDps),
                            url(QStringLiteral("/subscriptions/%1/providers/Microsoft.Devices/provisioningServices").arg(prod), kDpsLatest),
                            url(dpsPath(prod, QStringLiteral("iot-prod-rg"), QStringLiteral("contoso-dps")), kDps)};
    // contoso-dps (demo) links contoso-hub-weu: its key must not leak either.
    const QString weuKey = primaryKey(hubPath(prod, QStringLiteral("iot-prod-rg"), QStringLiteral("contoso-hub-weu")));
    for (const QUrl &u : reads) {
        const HttpResult g = get(u);
        ASSERT_EQ(g.status, 200) << show(g);
        EXPECT_FALSE(g.body.contains(ownerKey.toLatin1())) << u.toString().toStdString();
        EXPECT_FALSE(g.body.contains(weuKey.toLatin1())) << u.toString().toStdString();
        EXPECT_TRUE(g.body.contains("SharedAccessKey=****")) << u.toString().toStdString();
    }
    // The status and Location URLs of the LRO don't carry keys either.
    EXPECT_FALSE(get(QUrl(s(r.header("Location")))).body.contains(ownerKey.toLatin1()));
}

TEST_F(LinkArm, BadConnectionStringRejected)
{
    expectRejected({link(QStringLiteral("this is not a connection string"), QStringLiteral("eastus"))}, "garbage");
    expectRejected({link(QStringLiteral("HostName=contoso-hub-eus.azure-devices.net;SharedAccessKeyName=iothubowner"), QStringLiteral("eastus"))}, "no key");
}

TEST_F(LinkArm, UnknownHubHostRejected)
{
    expectRejected({link(connectionString(QStringLiteral("no-such-hub-xyz.azure-devices.net"), QStringLiteral("iothubowner"), ownerKey), QStringLiteral("eastus"))},
                   "unknown hub");
}

TEST_F(LinkArm, WrongKeyRejected)
{
    const QString otherKey = primaryKey(hubPath(prod, QStringLiteral("iot-prod-rg"), QStringLiteral("contoso-hub-weu")));
    expectRejected({link(connectionString(QStringLiteral("contoso-hub-eus.azure-devices.net"), QStringLiteral("iothubowner"), otherKey), QStringLiteral("eastus"))},
                   "key of another hub");
    expectRejected({link(connectionString(QStringLiteral("contoso-hub-eus.azure-devices.net"), QStringLiteral("iothubowner"),
                                          QString::fromLatin1(QByteArray(32, 'k').toBase64())), QStringLiteral("eastus"))},
                   "made-up key");
}

TEST_F(LinkArm, PolicyWithoutRegistryWriteAndServiceConnectRejected)
{
    for (const QString &policy : {QStringLiteral("service"), QStringLiteral("registryReadWrite"), QStringLiteral("device")}) {
        SCOPED_TRACE(policy.toStdString());
        const QString key = primaryKey(hub, policy);
        ASSERT_FALSE(key.isEmpty());
        expectRejected({link(connectionString(QStringLiteral("contoso-hub-eus.azure-devices.net"), policy, key), QStringLiteral("eastus"))},
                       "policy lacks rights");
    }
}

TEST_F(LinkArm, MissingLocationRejected)
{
    expectRejected({link(goodCs, QString())}, "no location");
}

TEST_F(LinkArm, HubStillBeingCreatedRejected)
{
    // Restart with a slow hub creation; the clock is then advanced instead of waiting.
    http.reset();
    sandbox->stop();
    ASSERT_NO_FATAL_FAILURE(startDemo(options(QStringLiteral("demo"), QStringLiteral("0.2,30,0.2"))));
    dps = dpsPath(prod, QStringLiteral("iot-shared-rg"), QStringLiteral("contoso-dps-staging"));
    const QString fresh = hubPath(prod, QStringLiteral("iot-shared-rg"), QStringLiteral("fresh-hub"));
    const HttpResult created = put(url(fresh, kHub), hubBody(QStringLiteral("eastus")));
    ASSERT_EQ(created.status, 201) << show(created);
    const QString cs = connectionString(QStringLiteral("fresh-hub.azure-devices.net"), QStringLiteral("iothubowner"), primaryKey(fresh));
    expectRejected({link(cs, QStringLiteral("eastus"))}, "hub still Activating");
    ASSERT_NO_FATAL_FAILURE(advanceClock(31));
    ASSERT_EQ(waitLroStatus(created), QStringLiteral("Succeeded"));
    const HttpResult linked = putLinks({link(cs, QStringLiteral("eastus"))});
    EXPECT_EQ(linked.status, 200) << show(linked);
}

TEST_F(LinkArm, DuplicateLinkRejected)
{
    expectRejected({link(goodCs, QStringLiteral("eastus")), link(goodCs, QStringLiteral("eastus"))}, "same hub twice");
    const QString upperHost = connectionString(QStringLiteral("CONTOSO-HUB-EUS.azure-devices.net"), QStringLiteral("iothubowner"), ownerKey);
    expectRejected({link(goodCs, QStringLiteral("eastus")), link(upperHost, QStringLiteral("eastus"))}, "same hub, other casing");
}

TEST_F(LinkArm, RePutOfMaskedGetBodyKeepsLink)
{
    const HttpResult r = putLinks({link(goodCs, QStringLiteral("eastus"), 2)});
    ASSERT_EQ(r.status, 200) << show(r);
    ASSERT_EQ(waitLroStatus(r), QStringLiteral("Succeeded"));
    const HttpResult current = get(url(dps, kDps));
    ASSERT_TRUE(current.body.contains("SharedAccessKey=****"));
    const HttpResult again = put(url(dps, kDps), current.json());
    ASSERT_EQ(again.status, 200) << show(again);
    ASSERT_EQ(waitLroStatus(again), QStringLiteral("Succeeded"));
    const QJsonArray hubs = linkedHubs();
    ASSERT_EQ(hubs.size(), 1);
    EXPECT_EQ(hubs.at(0).toObject().value(QStringLiteral("allocationWeight")).toInt(), 2);
    // The sandbox still holds the real key (the link keeps working), not the mask.
    const QJsonArray stored = storedLinks();
    ASSERT_EQ(stored.size(), 1);
    EXPECT_EQ(stored.at(0).toObject().value(QStringLiteral("connectionString")).toString(), goodCs);

    // The same with the 2026-08-31 body (linked hubs carry authenticationType and hostName there).
    const HttpResult latest = get(url(dps, kDpsLatest));
    ASSERT_EQ(props(latest).value(QStringLiteral("iotHubs")).toArray().at(0).toObject().value(QStringLiteral("authenticationType")).toString(), QStringLiteral("KeyBased"));
    const HttpResult againLatest = put(url(dps, kDpsLatest), latest.json());
    ASSERT_EQ(againLatest.status, 200) << show(againLatest);
    ASSERT_EQ(waitLroStatus(againLatest), QStringLiteral("Succeeded"));
    EXPECT_EQ(storedLinks().at(0).toObject().value(QStringLiteral("connectionString")).toString(), goodCs);

    // Adding a second hub by re-PUTting the GET body plus one entry keeps the first one working too.
    const QString weu = hubPath(prod, QStringLiteral("iot-prod-rg"), QStringLiteral("contoso-hub-weu"));
    const QString weuCs = connectionString(QStringLiteral("contoso-hub-weu.azure-devices.net"), QStringLiteral("iothubowner"), primaryKey(weu));
    QJsonObject body = get(url(dps, kDps)).json();
    QJsonObject p = body.value(QStringLiteral("properties")).toObject();
    QJsonArray list = p.value(QStringLiteral("iotHubs")).toArray();
    list.append(link(weuCs, QStringLiteral("westeurope")));
    p.insert(QStringLiteral("iotHubs"), list);
    body.insert(QStringLiteral("properties"), p);
    const HttpResult added = put(url(dps, kDps), body);
    ASSERT_EQ(added.status, 200) << show(added);
    ASSERT_EQ(waitLroStatus(added), QStringLiteral("Succeeded"));
    const QJsonArray both = storedLinks();
    ASSERT_EQ(both.size(), 2);
    EXPECT_EQ(both.at(0).toObject().value(QStringLiteral("connectionString")).toString(), goodCs);
    EXPECT_EQ(both.at(1).toObject().value(QStringLiteral("connectionString")).toString(), weuCs);
}

TEST_F(LinkArm, MaskedStringForHubNotLinkedRejected)
{
    expectRejected({link(connectionString(QStringLiteral("contoso-hub-eus.azure-devices.net"), QStringLiteral("iothubowner"), QStringLiteral("****")),
                         QStringLiteral("eastus"))},
                   "masked key for a hub this DPS doesn't link");
}

TEST_F(LinkArm, CrossTenantHubLinks)
{
    // The hub lives in Fabrikam; its key is read with a Fabrikam token; the DPS (Contoso) is updated with a Contoso token.
    const QString fabHub = hubPath(fab, QStringLiteral("fabrikam-iot-rg"), QStringLiteral("fabrikam-hub-neu"));
    const HttpResult wrongTenant = postEmpty(url(fabHub + QStringLiteral("/IotHubKeys/iothubowner/listkeys"), kHub));
    EXPECT_EQ(wrongTenant.status, 401) << show(wrongTenant);
    const QString key = asFabrikam([&] { return primaryKey(fabHub); });
    ASSERT_FALSE(key.isEmpty());
    const QString cs = connectionString(QStringLiteral("fabrikam-hub-neu.azure-devices.net"), QStringLiteral("iothubowner"), key);
    const HttpResult r = putLinks({link(cs, QStringLiteral("northeurope"))});
    ASSERT_EQ(r.status, 200) << show(r);
    ASSERT_EQ(waitLroStatus(r), QStringLiteral("Succeeded"));
    const QJsonArray hubs = linkedHubs();
    ASSERT_EQ(hubs.size(), 1);
    EXPECT_EQ(hubs.at(0).toObject().value(QStringLiteral("name")).toString(), QStringLiteral("fabrikam-hub-neu.azure-devices.net"));
    EXPECT_EQ(hubs.at(0).toObject().value(QStringLiteral("location")).toString(), QStringLiteral("northeurope"));
}

TEST_F(LinkArm, AllocationPolicyValues)
{
    for (const QString &policy : {QStringLiteral("GeoLatency"), QStringLiteral("Static"), QStringLiteral("Hashed")}) {
        SCOPED_TRACE(policy.toStdString());
        const HttpResult r = put(url(dps, kDps), dpsBody(QStringLiteral("eastus"), {link(goodCs, QStringLiteral("eastus"))}, policy));
        ASSERT_EQ(r.status, 200) << show(r);
        ASSERT_EQ(waitLroStatus(r), QStringLiteral("Succeeded"));
        EXPECT_EQ(props(get(url(dps, kDps))).value(QStringLiteral("allocationPolicy")).toString(), policy);
    }
    for (const QString &bad : {QStringLiteral("Random"), QStringLiteral("Custom"), QStringLiteral("")}) {
        QJsonObject body = dpsBody(QStringLiteral("eastus"));
        QJsonObject p = body.value(QStringLiteral("properties")).toObject();
        p.insert(QStringLiteral("allocationPolicy"), bad);
        body.insert(QStringLiteral("properties"), p);
        const HttpResult r = put(url(dps, kDps), body);
        EXPECT_EQ(r.status, 400) << "'" << bad.toStdString() << "': " << show(r);
    }
    EXPECT_EQ(props(get(url(dps, kDps))).value(QStringLiteral("allocationPolicy")).toString(), QStringLiteral("Hashed"));
}

TEST_F(LinkArm, ReadOnlyFieldsOnRePut)
{
    const HttpResult current = get(url(dps, kDps));
    ASSERT_EQ(current.status, 200);
    const HttpResult same = put(url(dps, kDps), current.json());
    ASSERT_EQ(same.status, 200) << show(same);
    ASSERT_EQ(waitLroStatus(same), QStringLiteral("Succeeded"));
    const QString scope = props(current).value(QStringLiteral("idScope")).toString();
    EXPECT_EQ(props(get(url(dps, kDps))).value(QStringLiteral("idScope")).toString(), scope);

    for (const auto &[field, value] : {std::pair{QStringLiteral("idScope"), QStringLiteral("0ne00000000")},
                                       std::pair{QStringLiteral("serviceOperationsHostName"), QStringLiteral("other.azure-devices-provisioning.net")},
                                       std::pair{QStringLiteral("deviceProvisioningHostName"), QStringLiteral("elsewhere.example")}}) {
        QJsonObject body = get(url(dps, kDps)).json();
        QJsonObject p = body.value(QStringLiteral("properties")).toObject();
        p.insert(field, value);
        body.insert(QStringLiteral("properties"), p);
        const HttpResult changed = put(url(dps, kDps), body);
        EXPECT_EQ(changed.status, 400) << field.toStdString() << ": " << show(changed);
        EXPECT_TRUE(isErrorShaped(changed));
    }
    EXPECT_EQ(props(get(url(dps, kDps))).value(QStringLiteral("idScope")).toString(), scope);
}

// ---- paths, api-versions, headers -------------------------------------------------------------

TEST_F(DemoArm, PathsAreCaseInsensitive)
{
    const HttpResult hub = get(url(QStringLiteral("/SUBSCRIPTIONS/%1/RESOURCEGROUPS/IOT-PROD-RG/PROVIDERS/microsoft.devices/iothubs/CONTOSO-HUB-WEU").arg(prod.toUpper()), kHub));
    ASSERT_EQ(hub.status, 200) << show(hub);
    EXPECT_EQ(hub.json().value(QStringLiteral("name")).toString(), QStringLiteral("contoso-hub-weu"));
    const HttpResult dps = get(url(QStringLiteral("/subscriptions/%1/resourcegroups/iot-prod-rg/providers/MICROSOFT.DEVICES/PROVISIONINGSERVICES/contoso-dps").arg(prod), kDps));
    EXPECT_EQ(dps.status, 200) << show(dps);
    const HttpResult groups = get(url(QStringLiteral("/subscriptions/%1/RESOURCEGROUPS").arg(prod), kRes));
    EXPECT_EQ(groups.status, 200) << show(groups);
    const HttpResult keys = postEmpty(url(QStringLiteral("/subscriptions/%1/resourcegroups/iot-prod-rg/providers/microsoft.devices/iothubs/contoso-hub-weu/LISTKEYS").arg(prod), kHub));
    EXPECT_EQ(keys.status, 200) << show(keys);
    const HttpResult created = put(url(QStringLiteral("/subscriptions/%1/resourcegroups/IOT-SHARED-RG/providers/microsoft.devices/iothubs/case-hub").arg(prod), kHub), hubBody(QStringLiteral("eastus")));
    EXPECT_EQ(created.status, 201) << show(created);
    const HttpResult inList = get(url(QStringLiteral("/subscriptions/%1/resourceGroups/iot-shared-rg/providers/Microsoft.Devices/IotHubs").arg(prod), kHub));
    EXPECT_TRUE(names(inList.json().value(QStringLiteral("value")).toArray()).contains(QStringLiteral("case-hub"))) << show(inList);
    const HttpResult provider = get(url(QStringLiteral("/subscriptions/%1/providers/microsoft.devices").arg(prod), kRes));
    EXPECT_EQ(provider.json().value(QStringLiteral("registrationState")).toString(), QStringLiteral("Registered")) << show(provider);
}

TEST_F(DemoArm, ApiVersions)
{
    const QString dps = dpsPath(prod, QStringLiteral("iot-prod-rg"), QStringLiteral("contoso-dps"));
    const HttpResult stable = get(url(dps, kDps));
    ASSERT_EQ(stable.status, 200) << show(stable);
    const QJsonObject stableHub = props(stable).value(QStringLiteral("iotHubs")).toArray().at(0).toObject();
    EXPECT_FALSE(stableHub.contains(QStringLiteral("authenticationType")));
    EXPECT_FALSE(stableHub.contains(QStringLiteral("hostName")));
    const HttpResult latest = get(url(dps, kDpsLatest));
    ASSERT_EQ(latest.status, 200) << show(latest);
    const QJsonObject latestHub = props(latest).value(QStringLiteral("iotHubs")).toArray().at(0).toObject();
    EXPECT_EQ(latestHub.value(QStringLiteral("authenticationType")).toString(), QStringLiteral("KeyBased"));
    EXPECT_EQ(latestHub.value(QStringLiteral("hostName")).toString(), QStringLiteral("contoso-hub-weu.azure-devices.net"));

    EXPECT_EQ(get(url(hubPath(prod, QStringLiteral("iot-prod-rg"), QStringLiteral("contoso-hub-weu")), kHub)).status, 200);
    EXPECT_EQ(get(url(rgPath(prod, QStringLiteral("iot-prod-rg")), kRes)).status, 200);
    EXPECT_EQ(get(url(rgPath(prod, QStringLiteral("iot-prod-rg")), kRes2025)).status, 200);
    EXPECT_EQ(get(url(QStringLiteral("/subscriptions"), kSubs)).status, 200);
    EXPECT_EQ(get(url(QStringLiteral("/subscriptions/%1").arg(prod), kSubs)).status, 200);
    EXPECT_EQ(get(url(QStringLiteral("/tenants"), kSubs)).status, 200);

    const HttpResult badRes = get(url(rgPath(prod, QStringLiteral("iot-prod-rg")), QStringLiteral("2099-01-01")));
    EXPECT_EQ(badRes.status, 400) << show(badRes);
    EXPECT_EQ(errorCode(badRes), QStringLiteral("InvalidApiVersionParameter"));
    const HttpResult badSubs = get(url(QStringLiteral("/subscriptions"), QStringLiteral("1999-01-01")));
    EXPECT_EQ(errorCode(badSubs), QStringLiteral("InvalidApiVersionParameter")) << show(badSubs);
    const HttpResult badHub = get(url(hubPath(prod, QStringLiteral("iot-prod-rg"), QStringLiteral("contoso-hub-weu")), QStringLiteral("2099-01-01")));
    EXPECT_EQ(badHub.status, 400) << show(badHub);
    EXPECT_EQ(errorCode(badHub), QStringLiteral("NoRegisteredProviderFound"));
    const HttpResult badDps = get(url(dps, QStringLiteral("2022-12-13")));
    EXPECT_EQ(badDps.status, 400) << show(badDps);
    EXPECT_EQ(errorCode(badDps), QStringLiteral("NoRegisteredProviderFound"));
    // A hub api-version is not a DPS api-version.
    EXPECT_EQ(errorCode(get(url(dps, kHub))), QStringLiteral("NoRegisteredProviderFound"));

    QUrl missing = url(rgPath(prod, QStringLiteral("iot-prod-rg")), kRes);
    missing.setQuery(QString());
    const HttpResult noVersion = get(missing);
    EXPECT_EQ(noVersion.status, 400) << show(noVersion);
    EXPECT_EQ(errorCode(noVersion), QStringLiteral("MissingApiVersionParameter"));
    QUrl missingHub = url(hubPath(prod, QStringLiteral("iot-prod-rg"), QStringLiteral("contoso-hub-weu")), kHub);
    missingHub.setQuery(QStringLiteral("api-version="));
    EXPECT_EQ(errorCode(get(missingHub)), QStringLiteral("MissingApiVersionParameter"));
}

TEST_F(DemoArm, EveryArmReplyCarriesRequestHeaders)
{
    struct Call
    {
        QByteArray method;
        QUrl url;
        QByteArray body;
        int expected;
    };
    const QByteArray hub = QJsonDocument(hubBody()).toJson(QJsonDocument::Compact);
    const QList<Call> calls{
        {"GET", url(rgPath(prod, QStringLiteral("iot-prod-rg")), kRes), {}, 200},
        {"GET", url(rgPath(prod, QStringLiteral("missing-rg")), kRes), {}, 404},
        {"GET", url(rgPath(prod, QStringLiteral("iot-prod-rg")), QStringLiteral("2000-01-01")), {}, 400},
        {"GET", url(rgPath(fab, QStringLiteral("fabrikam-iot-rg")), kRes), {}, 401},
        {"PUT", url(rgPath(prod, QStringLiteral("header-rg")), kRes), R"({"location":"westeurope"})", 201},
        {"PUT", url(hubPath(dev, QStringLiteral("dev-rg"), QStringLiteral("header-hub")), kHub), hub, 409},
        {"POST", url(hubPath(prod, QStringLiteral("iot-prod-rg"), QStringLiteral("contoso-hub-weu")) + QStringLiteral("/listkeys"), kHub), {}, 200},
        {"DELETE", url(rgPath(prod, QStringLiteral("header-rg")), kRes), {}, 202},
        {"GET", url(QStringLiteral("/subscriptions/%1/nonsense/path").arg(prod), kRes), {}, 404},
    };
    QSet<QByteArray> requestIds;
    for (const auto &c : calls) {
        SCOPED_TRACE((c.method + " " + c.url.toString().toLatin1()).toStdString());
        const QByteArray correlation = QUuid::createUuid().toByteArray(QUuid::WithoutBraces);
        const QByteArray client = QUuid::createUuid().toByteArray(QUuid::WithoutBraces);
        Headers h{{"x-ms-correlation-request-id", correlation}, {"x-ms-client-request-id", client}};
        if (!c.body.isEmpty())
            h.append(qMakePair(QByteArray("Content-Type"), QByteArray("application/json")));
        const HttpResult r = http->send(c.method, c.url, c.body, h, kTimeoutMs);
        EXPECT_EQ(r.status, c.expected) << show(r);
        EXPECT_FALSE(r.header("x-ms-request-id").isEmpty());
        requestIds.insert(r.header("x-ms-request-id"));
        EXPECT_EQ(r.header("x-ms-correlation-request-id"), correlation);
        EXPECT_EQ(r.header("x-ms-client-request-id"), client);
        QByteArray limit = c.method == "GET" ? "x-ms-ratelimit-remaining-subscription-reads"
                                             : c.method == "DELETE" ? "x-ms-ratelimit-remaining-subscription-deletes"
                                                                    : "x-ms-ratelimit-remaining-subscription-writes";
        QByteArray remaining = r.header(limit);
        if (remaining.isEmpty() && c.method == "DELETE")
            remaining = r.header("x-ms-ratelimit-remaining-subscription-writes");
        bool ok = false;
        remaining.toInt(&ok);
        EXPECT_TRUE(ok) << limit.constData() << " = '" << remaining.constData() << "'";
        if (r.status >= 400) {
            EXPECT_TRUE(isErrorShaped(r)) << show(r);
        }
    }
    EXPECT_EQ(requestIds.size(), calls.size()) << "request ids are unique";

    // Without a correlation id of its own the client gets a fresh one each time.
    const HttpResult a = get(url(rgPath(prod, QStringLiteral("iot-prod-rg")), kRes));
    const HttpResult b = get(url(rgPath(prod, QStringLiteral("iot-prod-rg")), kRes));
    EXPECT_FALSE(a.header("x-ms-correlation-request-id").isEmpty());
    EXPECT_NE(a.header("x-ms-correlation-request-id"), b.header("x-ms-correlation-request-id"));
    // The remaining budget goes down with each read.
    EXPECT_LT(b.header("x-ms-ratelimit-remaining-subscription-reads").toInt(), a.header("x-ms-ratelimit-remaining-subscription-reads").toInt());
}

TEST_F(DemoArm, HubUpdateRequiresIfMatch)
{
    const QUrl hub = url(hubPath(prod, QStringLiteral("iot-prod-rg"), QStringLiteral("contoso-hub-weu")), kHub);
    const HttpResult current = get(hub);
    ASSERT_EQ(current.status, 200);
    const QString etag = current.json().value(QStringLiteral("etag")).toString();
    ASSERT_FALSE(etag.isEmpty());
    QJsonObject body = current.json();
    body.insert(QStringLiteral("tags"), QJsonObject{{QStringLiteral("owner"), QStringLiteral("tests")}});

    const HttpResult noIfMatch = put(hub, body);
    EXPECT_EQ(noIfMatch.status, 412) << show(noIfMatch);
    EXPECT_TRUE(isErrorShaped(noIfMatch));
    const HttpResult stale = put(hub, body, {{"If-Match", "\"AAAAAAAAAAA=\""}});
    EXPECT_EQ(stale.status, 412) << show(stale);
    EXPECT_TRUE(get(hub).json().value(QStringLiteral("tags")).toObject().isEmpty()) << "nothing changed";

    const HttpResult ok = put(hub, body, {{"If-Match", etag.toLatin1()}});
    ASSERT_EQ(ok.status, 200) << show(ok);
    ASSERT_EQ(waitLroStatus(ok), QStringLiteral("Succeeded"));
    const HttpResult after = get(hub);
    EXPECT_EQ(after.json().value(QStringLiteral("tags")).toObject().value(QStringLiteral("owner")).toString(), QStringLiteral("tests"));
    EXPECT_NE(after.json().value(QStringLiteral("etag")).toString(), etag) << "an update changes the etag";
    const HttpResult old = put(hub, body, {{"If-Match", etag.toLatin1()}});
    EXPECT_EQ(old.status, 412) << "the previous etag is now stale: " << show(old);
}

TEST_F(DemoArm, AbsoluteUrlsUseTheHostTheClientUsed)
{
    // A client that reaches the sandbox as "localhost:PORT" gets links back to "localhost:PORT".
    QTcpSocket socket;
    socket.connectToHost(base().host(), quint16(base().port()));
    ASSERT_TRUE(socket.waitForConnected(kTimeoutMs));
    const QByteArray host = "localhost:" + QByteArray::number(base().port());
    socket.write("GET /subscriptions/" + prod.toLatin1() + "/resourcegroups?api-version=2021-04-01&$top=1 HTTP/1.1\r\nHost: " + host
                 + "\r\nAuthorization: Bearer " + contosoToken.toLatin1() + "\r\nConnection: close\r\n\r\n");
    QByteArray data;
    int split = -1;
    qint64 length = -1;
    QDeadlineTimer deadline(kTimeoutMs);
    while (!deadline.hasExpired() && (length < 0 || data.size() < split + 4 + length)) {
        socket.waitForReadyRead(50);
        data += socket.readAll();
        split = data.indexOf("\r\n\r\n");
        if (split > 0 && length < 0) {
            for (const QByteArray &line : data.left(split).split('\n')) {
                if (line.toLower().startsWith("content-length:"))
                    length = line.mid(15).trimmed().toLongLong();
            }
        }
    }
    ASSERT_GT(split, 0) << data.constData();
    const QString next = QJsonDocument::fromJson(data.mid(split + 4)).object().value(QStringLiteral("nextLink")).toString();
    EXPECT_TRUE(next.startsWith(QStringLiteral("http://") + QString::fromLatin1(host) + QLatin1Char('/'))) << next.toStdString();
}

TEST_F(DemoArm, DisabledSubscriptionIsReadOnly)
{
    const HttpResult set = adminPost(QStringLiteral("subscriptions/") + prod, QJsonObject{{QStringLiteral("state"), QStringLiteral("Disabled")}});
    ASSERT_EQ(set.status, 200) << show(set);
    const HttpResult write = put(url(rgPath(prod, QStringLiteral("disabled-rg")), kRes), QJsonObject{{QStringLiteral("location"), QStringLiteral("westeurope")}});
    EXPECT_EQ(write.status, 409) << show(write);
    EXPECT_EQ(errorCode(write), QStringLiteral("ReadOnlyDisabledSubscription"));
    const HttpResult hub = put(url(hubPath(prod, QStringLiteral("iot-prod-rg"), QStringLiteral("disabled-hub")), kHub), hubBody());
    EXPECT_EQ(errorCode(hub), QStringLiteral("ReadOnlyDisabledSubscription")) << show(hub);
    EXPECT_EQ(get(url(rgPath(prod, QStringLiteral("iot-prod-rg")), kRes)).status, 200) << "reads still work";
    const HttpResult listed = get(url(QStringLiteral("/subscriptions/%1").arg(prod), kSubs));
    EXPECT_EQ(listed.json().value(QStringLiteral("state")).toString(), QStringLiteral("Disabled"));
}

TEST_F(DemoArm, SecondPutWhileAnOperationRunsIsAConflict)
{
    const QUrl dps = url(dpsPath(prod, QStringLiteral("iot-prod-rg"), QStringLiteral("busy-dps")), kDps);
    const HttpResult created = put(dps, dpsBody());
    ASSERT_EQ(created.status, 201) << show(created);
    const HttpResult again = put(dps, dpsBody());
    EXPECT_EQ(again.status, 409) << show(again);
    EXPECT_TRUE(isErrorShaped(again));
    ASSERT_EQ(waitLroStatus(created), QStringLiteral("Succeeded"));
    const HttpResult after = put(dps, dpsBody());
    EXPECT_EQ(after.status, 200) << show(after);
}

// ---- throttling and faults --------------------------------------------------------------------

TEST_F(DemoArm, ReadThrottlingAnswers429WithRetryAfter)
{
    const HttpResult set = adminPost(QStringLiteral("options"), QJsonObject{{QStringLiteral("readBucket"), 3}, {QStringLiteral("readRefillPerSec"), 1}});
    ASSERT_EQ(set.status, 200) << show(set);
    const QUrl group = url(rgPath(prod, QStringLiteral("iot-prod-rg")), kRes);
    QList<int> statuses;
    HttpResult throttled;
    for (int i = 0; i < 6; ++i) {
        const HttpResult r = get(group);
        statuses.append(r.status);
        if (r.status == 429 && throttled.status == 0)
            throttled = r;
    }
    EXPECT_EQ(statuses.mid(0, 3), (QList<int>{200, 200, 200})) << "the bucket holds 3 reads";
    EXPECT_LE(statuses.count(200), 4) << "refilled at one read per second";
    ASSERT_EQ(throttled.status, 429);
    EXPECT_EQ(errorCode(throttled), QStringLiteral("SubscriptionRequestsThrottled")) << show(throttled);
    bool ok = false;
    const int retryAfter = s(throttled.header("Retry-After")).toInt(&ok);
    EXPECT_TRUE(ok && retryAfter >= 1) << throttled.header("Retry-After").constData();
    EXPECT_EQ(throttled.header("x-ms-ratelimit-remaining-subscription-reads"), "0");
    EXPECT_FALSE(throttled.header("x-ms-request-id").isEmpty());
    // Writes have their own bucket; other subscriptions too.
    EXPECT_EQ(put(url(rgPath(prod, QStringLiteral("throttle-rg")), kRes), QJsonObject{{QStringLiteral("location"), QStringLiteral("eastus")}}).status, 201);
    EXPECT_EQ(get(url(rgPath(dev, QStringLiteral("dev-rg")), kRes)).status, 200);
    // After Retry-After seconds (sandbox clock) reads work again.
    ASSERT_NO_FATAL_FAILURE(advanceClock(retryAfter + 1));
    EXPECT_EQ(get(group).status, 200);
}

TEST_F(DemoArm, InjectedFaultWithRetryAfter)
{
    const HttpResult rule = adminPost(QStringLiteral("faults"), QJsonObject{{QStringLiteral("method"), QStringLiteral("GET")},
                                                                          {QStringLiteral("path"), QStringLiteral("/resourcegroups/iot-prod-rg$")},
                                                                          {QStringLiteral("status"), 503},
                                                                          {QStringLiteral("retryAfter"), 7},
                                                                          {QStringLiteral("count"), 2}});
    ASSERT_EQ(rule.status, 201) << show(rule);
    const QUrl group = url(rgPath(prod, QStringLiteral("iot-prod-rg")), kRes);
    for (int i = 0; i < 2; ++i) {
        const HttpResult r = get(group);
        EXPECT_EQ(r.status, 503) << show(r);
        EXPECT_EQ(r.header("Retry-After"), "7");
        EXPECT_TRUE(isErrorShaped(r)) << show(r);
        EXPECT_FALSE(r.header("x-ms-request-id").isEmpty());
    }
    // Other paths were not affected, and the rule is used up after `count` requests.
    EXPECT_EQ(get(url(rgPath(prod, QStringLiteral("iot-shared-rg")), kRes)).status, 200);
    EXPECT_EQ(get(group).status, 200);
}

// ---- access control ---------------------------------------------------------------------------

TEST_F(DemoArm, UnauthenticatedRequestsGet401WithWwwAuthenticate)
{
    const QUrl group = url(rgPath(prod, QStringLiteral("iot-prod-rg")), kRes);
    auto expect401 = [&](const QString &authorization, const QString &code, const char *what) {
        Headers h;
        if (!authorization.isNull())
            h.append(qMakePair(QByteArray("Authorization"), authorization.toLatin1()));
        http->setBearer(QString());
        const HttpResult r = get(group, h);
        http->setBearer(contosoToken);
        EXPECT_EQ(r.status, 401) << what << ": " << show(r);
        EXPECT_EQ(errorCode(r), code) << what << ": " << show(r);
        const QByteArray challenge = r.header("WWW-Authenticate");
        EXPECT_TRUE(challenge.startsWith("Bearer ")) << what << ": " << challenge.constData();
        EXPECT_TRUE(challenge.contains("authorization_uri=")) << what << ": " << challenge.constData();
        EXPECT_TRUE(challenge.contains("error=\"invalid_token\"")) << what << ": " << challenge.constData();
    };
    expect401(QString(), QStringLiteral("AuthenticationFailed"), "no Authorization header");
    http->setBearer(QString());
    EXPECT_EQ(head(group), 401) << "HEAD without a token: 401 and no body";
    http->setBearer(contosoToken);
    expect401(QStringLiteral("Basic dXNlcjpwYXNz"), QStringLiteral("AuthenticationFailed"), "Basic scheme");
    expect401(QStringLiteral("Bearer not-a-token"), QStringLiteral("InvalidAuthenticationToken"), "malformed");
    expect401(QStringLiteral("Bearer "), QStringLiteral("AuthenticationFailed"), "empty bearer");
    QString tampered = contosoToken;
    tampered[tampered.size() - 2] = tampered[tampered.size() - 2] == QLatin1Char('A') ? QLatin1Char('B') : QLatin1Char('A');
    expect401(QStringLiteral("Bearer ") + tampered, QStringLiteral("InvalidAuthenticationToken"), "bad signature");
    const QString graph = mint(QJsonObject{{QStringLiteral("username"), kUser}, {QStringLiteral("tenantId"), contoso},
                                           {QStringLiteral("audience"), QStringLiteral("https://graph.microsoft.com")}});
    expect401(QStringLiteral("Bearer ") + graph, QStringLiteral("InvalidAuthenticationTokenAudience"), "Graph token");

    const QString shortLived = mint(QJsonObject{{QStringLiteral("username"), kUser}, {QStringLiteral("tenantId"), contoso},
                                                {QStringLiteral("lifetimeSeconds"), 1}});
    http->setBearer(shortLived);
    EXPECT_EQ(get(group).status, 200) << "valid before it expires";
    http->setBearer(contosoToken);
    ASSERT_NO_FATAL_FAILURE(advanceClock(600));
    expect401(QStringLiteral("Bearer ") + shortLived, QStringLiteral("ExpiredAuthenticationToken"), "expired");
    // The Contoso token (an hour) is still fine after ten minutes.
    EXPECT_EQ(get(group).status, 200);
}

TEST_F(DemoArm, WrongTenantTokenGetsInvalidAuthenticationTokenTenant)
{
    const HttpResult r = get(url(rgPath(fab, QStringLiteral("fabrikam-iot-rg")), kRes));
    EXPECT_EQ(r.status, 401) << show(r);
    EXPECT_EQ(errorCode(r), QStringLiteral("InvalidAuthenticationTokenTenant"));
    EXPECT_TRUE(r.header("WWW-Authenticate").contains(fabrikam.toLatin1())) << "points at the subscription's tenant: " << r.header("WWW-Authenticate").constData();
    EXPECT_TRUE(errorMessage(r).contains(fabrikam)) << show(r);
    const HttpResult sub = get(url(QStringLiteral("/subscriptions/%1").arg(fab), kSubs));
    EXPECT_EQ(errorCode(sub), QStringLiteral("InvalidAuthenticationTokenTenant")) << show(sub);
    // HEAD has no body, so the challenge header is all a client gets.
    QByteArray challenge;
    EXPECT_EQ(head(url(rgPath(fab, QStringLiteral("fabrikam-iot-rg")), kRes), &challenge), 401);
    EXPECT_TRUE(challenge.contains(fabrikam.toLatin1())) << "HEAD 401 names the tenant: '" << challenge.constData() << "'";
    // The Fabrikam token works there.
    EXPECT_EQ(asFabrikam([&] { return get(url(rgPath(fab, QStringLiteral("fabrikam-iot-rg")), kRes)); }).status, 200);
    // ... and each token lists only its tenant's subscriptions.
    const QStringList contosoSubs = names(get(url(QStringLiteral("/subscriptions"), kSubs)).json().value(QStringLiteral("value")).toArray(), QStringLiteral("subscriptionId"));
    EXPECT_EQ(QSet<QString>(contosoSubs.begin(), contosoSubs.end()), (QSet<QString>{prod, dev}));
    const QStringList fabSubs = asFabrikam([&] {
        return names(get(url(QStringLiteral("/subscriptions"), kSubs)).json().value(QStringLiteral("value")).toArray(), QStringLiteral("subscriptionId"));
    });
    EXPECT_EQ(fabSubs, QStringList{fab});
    const HttpResult tenants = get(url(QStringLiteral("/tenants"), kSubs));
    const QStringList tenantIds = names(tenants.json().value(QStringLiteral("value")).toArray(), QStringLiteral("tenantId"));
    EXPECT_EQ(QSet<QString>(tenantIds.begin(), tenantIds.end()), (QSet<QString>{contoso, fabrikam})) << show(tenants);
}

TEST_F(ArmTest, ServicePrincipalSeesOnlyItsSubscriptions)
{
    ASSERT_NO_FATAL_FAILURE(startSandbox(options(QStringLiteral("empty"))));
    http->setBearer(servicePrincipalToken());
    const HttpResult subs = get(url(QStringLiteral("/subscriptions"), kSubs));
    ASSERT_EQ(subs.status, 200) << show(subs);
    EXPECT_EQ(names(subs.json().value(QStringLiteral("value")).toArray(), QStringLiteral("subscriptionId")), QStringList{sandbox->subscriptionId()});
    EXPECT_EQ(get(url(rgPath(sandbox->subscriptionId(), QStringLiteral("x")), kRes)).status, 404);

    // Demo world: the Contoso automation principal sees the Contoso subscriptions, never Fabrikam's.
    http.reset();
    sandbox->stop();
    ASSERT_NO_FATAL_FAILURE(startSandbox(options(QStringLiteral("demo"))));
    http->setBearer(servicePrincipalToken());
    const QStringList visible = names(get(url(QStringLiteral("/subscriptions"), kSubs)).json().value(QStringLiteral("value")).toArray(), QStringLiteral("subscriptionId"));
    EXPECT_EQ(QSet<QString>(visible.begin(), visible.end()), (QSet<QString>{subscription(kProdName), subscription(kDevName)}));
    const HttpResult other = get(url(rgPath(subscription(kFabName), QStringLiteral("fabrikam-iot-rg")), kRes));
    EXPECT_GE(other.status, 401) << show(other);
    EXPECT_LE(other.status, 403) << show(other);
}

TEST_F(DemoArm, UnknownSubscriptionIsSubscriptionNotFound)
{
    const QString nobody = QStringLiteral("0badf00d-0000-4000-8000-000000000000");
    for (const QUrl &u : {url(QStringLiteral("/subscriptions/%1").arg(nobody), kSubs),
                          url(QStringLiteral("/subscriptions/%1/resourcegroups").arg(nobody), kRes),
                          url(rgPath(nobody, QStringLiteral("rg")), kRes),
                          url(hubPath(nobody, QStringLiteral("rg"), QStringLiteral("hub")), kHub),
                          url(QStringLiteral("/subscriptions/%1/providers/Microsoft.Devices/provisioningServices").arg(nobody), kDps)}) {
        const HttpResult r = get(u);
        EXPECT_EQ(r.status, 404) << u.toString().toStdString() << ": " << show(r);
        EXPECT_EQ(errorCode(r), QStringLiteral("SubscriptionNotFound")) << show(r);
    }
}

// ---- request log --------------------------------------------------------------------------

TEST_F(DemoArm, RequestLogHasNoSecrets)
{
    const QString hub = hubPath(prod, QStringLiteral("iot-shared-rg"), QStringLiteral("contoso-hub-eus"));
    const QJsonArray keys = listKeys(hub, kHub);
    const QJsonArray dpsKeys = listKeys(dpsPath(prod, QStringLiteral("iot-prod-rg"), QStringLiteral("contoso-dps")), kDps);
    const QString owner = primaryKey(hub);
    const HttpResult linked = put(url(dpsPath(prod, QStringLiteral("iot-shared-rg"), QStringLiteral("contoso-dps-staging")), kDps),
                                  dpsBody(QStringLiteral("eastus"), {link(connectionString(QStringLiteral("contoso-hub-eus.azure-devices.net"), QStringLiteral("iothubowner"), owner), QStringLiteral("eastus"))}));
    ASSERT_EQ(linked.status, 200) << show(linked);
    waitLro(linked);
    EXPECT_EQ(get(url(rgPath(prod, QStringLiteral("nope")), kRes)).status, 404);
    http->setBearer(QString());
    EXPECT_EQ(get(url(rgPath(prod, QStringLiteral("nope")), kRes), {{"Authorization", "Bearer " + contosoToken.toLatin1() + "x"}}).status, 401);
    http->setBearer(contosoToken);

    HttpClient plain(sandbox.get());
    const HttpResult log = plain.send("GET", admin(QStringLiteral("requests")), {}, {}, kTimeoutMs);
    ASSERT_EQ(log.status, 200) << show(log);
    const QJsonArray entries = log.json().value(QStringLiteral("value")).toArray();
    ASSERT_GE(entries.size(), 6);
    bool sawListKeys = false, sawLink = false, saw404 = false;
    for (const auto &v : entries) {
        const QJsonObject e = v.toObject();
        EXPECT_FALSE(e.value(QStringLiteral("method")).toString().isEmpty());
        EXPECT_TRUE(e.value(QStringLiteral("path")).toString().startsWith(QLatin1Char('/')));
        EXPECT_TRUE(e.value(QStringLiteral("status")).isDouble());
        EXPECT_TRUE(e.value(QStringLiteral("durationMs")).isDouble());
        EXPECT_GE(e.value(QStringLiteral("durationMs")).toDouble(), 0);
        if (e.value(QStringLiteral("path")).toString().endsWith(QLatin1String("/listkeys")) && e.value(QStringLiteral("method")).toString() == QLatin1String("POST")) {
            sawListKeys = true;
            EXPECT_EQ(e.value(QStringLiteral("status")).toInt(), 200);
            EXPECT_FALSE(e.value(QStringLiteral("apiVersion")).toString().isEmpty());
        }
        if (e.value(QStringLiteral("method")).toString() == QLatin1String("PUT") && e.value(QStringLiteral("path")).toString().endsWith(QLatin1String("contoso-dps-staging"))) {
            sawLink = true;
            EXPECT_EQ(e.value(QStringLiteral("apiVersion")).toString(), kDps);
        }
        saw404 = saw404 || e.value(QStringLiteral("status")).toInt() == 404;
    }
    EXPECT_TRUE(sawListKeys);
    EXPECT_TRUE(sawLink);
    EXPECT_TRUE(saw404);

    QStringList secrets{contosoToken, fabrikamToken, contosoToken.section(QLatin1Char('.'), 2), owner,
                        sandbox->info().value(QStringLiteral("servicePrincipal")).toObject().value(QStringLiteral("clientSecret")).toString()};
    for (const QJsonArray &list : {keys, dpsKeys}) {
        for (const auto &k : list) {
            secrets << k.toObject().value(QStringLiteral("primaryKey")).toString() << k.toObject().value(QStringLiteral("secondaryKey")).toString();
        }
    }
    for (const QString &secret : secrets) {
        ASSERT_GE(secret.size(), 16);
        EXPECT_FALSE(log.body.contains(secret.toLatin1())) << "secret in the request log: " << secret.left(8).toStdString() << "...";
        // Also not in JSON-escaped form (base64 '/' becomes "\/" in some encoders).
        EXPECT_FALSE(log.body.contains(QString(secret).replace(QLatin1Char('/'), QLatin1String("\\/")).toLatin1()));
    }
}

// ---- persistence ------------------------------------------------------------------------------

TEST_F(ArmTest, StateSurvivesRestart)
{
    QTemporaryDir dir;
    ASSERT_TRUE(dir.isValid());
    SandboxProcess::Options o = options(QStringLiteral("empty"));
    o.stateFile = dir.filePath(QStringLiteral("state.json"));
    ASSERT_NO_FATAL_FAILURE(startSandbox(o));
    const QString token = servicePrincipalToken();
    http->setBearer(token);
    const QString sub = sandbox->subscriptionId();
    ASSERT_EQ(put(url(rgPath(sub, QStringLiteral("kept-rg")), kRes), QJsonObject{{QStringLiteral("location"), QStringLiteral("westeurope")}}).status, 201);
    const QString hub = hubPath(sub, QStringLiteral("kept-rg"), QStringLiteral("kept-hub"));
    const HttpResult created = put(url(hub, kHub), hubBody());
    ASSERT_EQ(created.status, 201) << show(created);
    ASSERT_EQ(waitLroStatus(created), QStringLiteral("Succeeded"));
    const QJsonArray keys = listKeys(hub, kHub);
    const QString etag = get(url(hub, kHub)).json().value(QStringLiteral("etag")).toString();
    http.reset();
    sandbox->stop();
    EXPECT_EQ(sandbox->exitCode(), 0);

    ASSERT_NO_FATAL_FAILURE(startSandbox(o));
    EXPECT_EQ(sandbox->subscriptionId(), sub);
    http->setBearer(token); // the signing key is part of the state: tokens stay valid
    const HttpResult after = get(url(hub, kHub));
    ASSERT_EQ(after.status, 200) << show(after);
    EXPECT_EQ(props(after).value(QStringLiteral("provisioningState")).toString(), QStringLiteral("Succeeded"));
    EXPECT_EQ(after.json().value(QStringLiteral("etag")).toString(), etag);
    EXPECT_EQ(listKeys(hub, kHub), keys);
    EXPECT_EQ(get(url(rgPath(sub, QStringLiteral("kept-rg")), kRes)).status, 200);
    // The name is still taken after the restart.
    const HttpResult check = post(url(QStringLiteral("/subscriptions/%1/providers/Microsoft.Devices/checkNameAvailability").arg(sub), kHub),
                                  QJsonObject{{QStringLiteral("name"), QStringLiteral("kept-hub")}});
    EXPECT_FALSE(check.json().value(QStringLiteral("nameAvailable")).toBool(true));
    http.reset();
    sandbox->stop(); // before the temporary directory goes
    EXPECT_EQ(sandbox->exitCode(), 0);
}

TEST_F(ArmTest, StateFileParsesAfterKillDuringWrites)
{
    QTemporaryDir dir;
    ASSERT_TRUE(dir.isValid());
    SandboxProcess::Options o = options(QStringLiteral("empty"));
    o.stateFile = dir.filePath(QStringLiteral("state.json"));
    QSet<QString> acknowledged;
    int interrupted = 0; // requests still in flight when the process was killed
    for (int round = 0; round < 3; ++round) {
        SCOPED_TRACE(round);
        ASSERT_NO_FATAL_FAILURE(startSandbox(o));
        const QString token = servicePrincipalToken();
        const QString sub = sandbox->subscriptionId();
        QList<QNetworkReply *> replies;
        for (int i = 0; i < 150; ++i) {
            const QString name = QStringLiteral("r%1-rg-%2").arg(round).arg(i);
            QNetworkRequest request(url(rgPath(sub, name), kRes));
            request.setRawHeader("Authorization", "Bearer " + token.toLatin1());
            request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
            QNetworkReply *reply = http->nam().put(request, QByteArray(R"({"location":"westeurope","tags":{"filler":")") + QByteArray(2000, 'f') + "\"}}");
            reply->setProperty("rg", name);
            replies.append(reply);
        }
        // Let some of them complete, then SIGKILL in the middle of the stream.
        QDeadlineTimer wait(5000);
        const int wanted = 3 + 10 * round;
        while (!wait.hasExpired()) {
            QCoreApplication::processEvents(QEventLoop::AllEvents, 5);
            if (std::count_if(replies.begin(), replies.end(), [](QNetworkReply *r) { return r->isFinished(); }) >= wanted)
                break;
        }
        sandbox->kill();
        for (QNetworkReply *reply : replies) {
            if (reply->isFinished() && reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt() == 201)
                acknowledged.insert(reply->property("rg").toString());
            else
                ++interrupted;
            reply->abort();
            reply->deleteLater();
        }
        http.reset();

        QFile file(o.stateFile);
        ASSERT_TRUE(file.open(QIODevice::ReadOnly));
        QJsonParseError error;
        const QJsonDocument doc = QJsonDocument::fromJson(file.readAll(), &error);
        ASSERT_EQ(error.error, QJsonParseError::NoError) << error.errorString().toStdString();
        ASSERT_TRUE(doc.isObject());
        QSet<QString> stored;
        for (const auto &v : doc.object().value(QStringLiteral("resourceGroups")).toArray())
            stored.insert(v.toObject().value(QStringLiteral("name")).toString());
        for (const QString &name : acknowledged)
            EXPECT_TRUE(stored.contains(name)) << "acknowledged but lost: " << name.toStdString();
    }
    EXPECT_GT(acknowledged.size(), 0) << "some writes completed before the kills";
    EXPECT_GT(interrupted, 0) << "the kills happened while writes were still coming in";
    // The state still loads.
    ASSERT_NO_FATAL_FAILURE(startSandbox(o));
    http->setBearer(servicePrincipalToken());
    const QJsonArray groups = collect(url(QStringLiteral("/subscriptions/%1/resourcegroups").arg(sandbox->subscriptionId()), kRes));
    QSet<QString> listed;
    for (const QString &name : names(groups))
        listed.insert(name);
    for (const QString &name : acknowledged)
        EXPECT_TRUE(listed.contains(name)) << "acknowledged but not listed after the restart: " << name.toStdString();
    http.reset();
    sandbox->stop(); // before the temporary directory goes
}

// ---- HTTPS --------------------------------------------------------------------------------

TEST_F(ArmTest, HttpsCreateGetAndAbsoluteLinks)
{
    SandboxProcess::Options o = options(QStringLiteral("empty"));
    o.tls = true;
    o.pageSize = 2;
    ASSERT_NO_FATAL_FAILURE(startSandbox(o));
    ASSERT_EQ(base().scheme(), QStringLiteral("https"));
    http->setBearer(servicePrincipalToken());
    const QString sub = sandbox->subscriptionId();
    for (const QString &rg : {QStringLiteral("tls-rg"), QStringLiteral("tls-rg-2"), QStringLiteral("tls-rg-3")}) {
        const HttpResult r = put(url(rgPath(sub, rg), kRes), QJsonObject{{QStringLiteral("location"), QStringLiteral("westeurope")}});
        ASSERT_EQ(r.status, 201) << show(r);
        EXPECT_FALSE(r.header("Strict-Transport-Security").isEmpty());
    }
    const QString hub = hubPath(sub, QStringLiteral("tls-rg"), QStringLiteral("tls-hub"));
    const HttpResult created = put(url(hub, kHub), hubBody());
    ASSERT_EQ(created.status, 201) << show(created);
    const QString prefix = QStringLiteral("https://127.0.0.1:%1/").arg(base().port());
    EXPECT_TRUE(s(created.header("Azure-AsyncOperation")).startsWith(prefix)) << created.header("Azure-AsyncOperation").constData();
    EXPECT_TRUE(s(created.header("Location")).startsWith(prefix)) << created.header("Location").constData();
    ASSERT_EQ(waitLroStatus(created), QStringLiteral("Succeeded"));
    EXPECT_EQ(get(QUrl(s(created.header("Location")))).status, 200);
    const HttpResult after = get(url(hub, kHub));
    EXPECT_EQ(props(after).value(QStringLiteral("state")).toString(), QStringLiteral("Active")) << show(after);
    int pages = 0;
    const QJsonArray groups = collect(url(QStringLiteral("/subscriptions/%1/resourcegroups").arg(sub), kRes), "GET", &pages);
    EXPECT_EQ(groups.size(), 3);
    EXPECT_EQ(pages, 2);
    const HttpResult firstPage = get(url(QStringLiteral("/subscriptions/%1/resourcegroups").arg(sub), kRes));
    EXPECT_TRUE(firstPage.json().value(QStringLiteral("nextLink")).toString().startsWith(prefix)) << show(firstPage);
    const HttpResult deleting = del(url(hub, kHub));
    ASSERT_EQ(deleting.status, 202);
    EXPECT_TRUE(s(deleting.header("Location")).startsWith(prefix));
    EXPECT_EQ(waitLroStatus(deleting), QStringLiteral("Succeeded"));

    // Plain HTTP to the TLS port gets no ARM answer.
    QUrl plain = url(rgPath(sub, QStringLiteral("tls-rg")), kRes);
    plain.setScheme(QStringLiteral("http"));
    const HttpResult refused = http->send("GET", plain, {}, {}, 3000);
    EXPECT_NE(refused.status, 200);
}

} // namespace
