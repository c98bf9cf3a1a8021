// Hostile and malformed input against the ARM emulator: bad JSON, wrong content types, oversized and deeply
// nested bodies, odd names and path tricks, absurd paging parameters, wrong JSON types for every field of a hub
// and a DPS, protocol garbage. Every answer must be an ARM-shaped 4xx (never a 5xx, never a hang), and afterwards
// the sandbox must still answer normally with its state intact.
#include "SandboxFixture.h"

#include <QCoreApplication>
#include <QDeadlineTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QElapsedTimer>
#include <QFile>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QThread>
#include <QUrlQuery>

#include <gtest/gtest.h>

#include <functional>
#include <memory>
#include <vector>

using namespace Dps::Test;

namespace {

const QString kRes = QStringLiteral("2021-04-01");
const QString kSubs = QStringLiteral("2022-12-01");
const QString kHub = QStringLiteral("2023-06-30");
const QString kDps = QStringLiteral("2022-12-12");
const QString kDpsLatest = QStringLiteral("2026-08-31");
constexpr int kTimeoutMs = 5000;

std::string show(const HttpResult &r)
{
    return QStringLiteral("HTTP %1 (%2) %3").arg(r.status).arg(r.errorString, QString::fromUtf8(r.body.left(800))).toStdString();
}

// ARM's {"error": {"code", "message"}} or the resource provider's flat {"code", "message"}.
bool errorShaped(const QByteArray &body)
{
    const QJsonObject o = QJsonDocument::fromJson(body).object();
    if (o.value(QStringLiteral("error")).isObject()) {
        const QJsonObject e = o.value(QStringLiteral("error")).toObject();
        return !e.value(QStringLiteral("code")).toString().isEmpty() && !e.value(QStringLiteral("message")).toString().isEmpty();
    }
    const QJsonValue code = o.value(QStringLiteral("code"));
    return (code.isDouble() || !code.toString().isEmpty()) && !o.value(QStringLiteral("message")).toString().isEmpty();
}

// A 4xx with an ARM-shaped JSON error (the answer to anything malformed).
#define EXPECT_ARM_4XX(result, what)                                                                     \
    do {                                                                                                 \
        const HttpResult &r_ = (result);                                                                 \
        EXPECT_GE(r_.status, 400) << (what) << ": " << show(r_);                                         \
        EXPECT_LT(r_.status, 500) << (what) << ": " << show(r_);                                         \
        EXPECT_TRUE(errorShaped(r_.body)) << (what) << ": not an ARM-shaped error: " << show(r_);         \
    } while (0)

QJsonObject hubBody()
{
    return QJsonObject{{QStringLiteral("location"), QStringLiteral("westeurope")},
                       {QStringLiteral("sku"), QJsonObject{{QStringLiteral("name"), QStringLiteral("S1")}, {QStringLiteral("capacity"), 1}}},
                       {QStringLiteral("properties"),
                        QJsonObject{{QStringLiteral("eventHubEndpoints"),
                                     QJsonObject{{QStringLiteral("events"), QJsonObject{{QStringLiteral("retentionTimeInDays"), 1},
                                                                                       {QStringLiteral("partitionCount"), 4}}}}}}},
                       {QStringLiteral("tags"), QJsonObject()}};
}

QJsonObject dpsBody()
{
    return QJsonObject{{QStringLiteral("location"), QStringLiteral("westeurope")},
                       {QStringLiteral("sku"), QJsonObject{{QStringLiteral("name"), QStringLiteral("S1")}, {QStringLiteral("capacity"), 1}}},
                       {QStringLiteral("properties"), QJsonObject{{QStringLiteral("enableDataResidency"), false}}},
                       {QStringLiteral("tags"), QJsonObject()}};
}

// Sets `value` at a dotted path ("properties.eventHubEndpoints.events.partitionCount"; "iotHubs.0.location"
// indexes an array), creating objects on the way.
QJsonValue withValue(const QJsonValue &root, const QStringList &path, const QJsonValue &value)
{
    if (path.isEmpty())
        return value;
    bool isIndex = false;
    const int index = path.first().toInt(&isIndex);
    if (isIndex && !root.isObject()) {
        QJsonArray a = root.toArray();
        while (a.size() <= index)
            a.append(QJsonObject());
        a[index] = withValue(a.at(index), path.mid(1), value);
        return a;
    }
    QJsonObject o = root.toObject();
    o.insert(path.first(), withValue(o.value(path.first()), path.mid(1), value));
    return o;
}

QJsonObject with(const QJsonObject &body, const QString &dotted, const QJsonValue &value)
{
    return withValue(body, dotted.split(QLatin1Char('.')), value).toObject();
}

QJsonValue nested(int depth)
{
    QJsonValue v = QStringLiteral("bottom");
    for (int i = 0; i < depth; ++i)
        v = (i % 2) ? QJsonValue(QJsonArray{v}) : QJsonValue(QJsonObject{{QStringLiteral("n"), v}});
    return v;
}

struct RawResult
{
    int status = 0;        // 0: no HTTP answer
    QByteArray head;
    QByteArray body;
    bool closed = false;   // the server closed the connection
};

class BadInput : public ::testing::Test
{
protected:
    static SandboxProcess::Options defaultOptions()
    {
        SandboxProcess::Options o;
        o.world = QStringLiteral("demo");
        o.lroSeconds = QStringLiteral("0.2,0.2,0.2");
        return o;
    }

    void SetUp() override { bootstrap(defaultOptions()); }

    // Starts a sandbox, gets the user's Contoso token and records the canaries.
    void bootstrap(const SandboxProcess::Options &o)
    {
        canaries.clear();
        canaryBodies.clear();
        sandbox = std::make_unique<SandboxProcess>(o);
        QString error;
        ASSERT_TRUE(sandbox->start(&error)) << error.toStdString();
        http = std::make_unique<HttpClient>(sandbox.get());
        for (const auto &v : sandbox->info().value(QStringLiteral("subscriptions")).toArray()) {
            if (v.toObject().value(QStringLiteral("displayName")).toString() == QLatin1String("Contoso IoT Production"))
                sub = v.toObject().value(QStringLiteral("subscriptionId")).toString();
        }
        ASSERT_FALSE(sub.isEmpty());
        QString contoso;
        for (const auto &v : sandbox->info().value(QStringLiteral("tenants")).toArray()) {
            if (v.toObject().value(QStringLiteral("displayName")).toString() == QLatin1String("Contoso"))
                contoso = v.toObject().value(QStringLiteral("tenantId")).toString();
        }
        const HttpResult t = http->send("POST", admin(QStringLiteral("tokens")),
                                        QJsonDocument(QJsonObject{{QStringLiteral("username"), QStringLiteral("alex@contoso.example")},
                                                                  {QStringLiteral("tenantId"), contoso}}).toJson(),
                                        {{"Content-Type", "application/json"}}, kTimeoutMs);
        ASSERT_EQ(t.status, 200) << show(t);
        token = t.json().value(QStringLiteral("access_token")).toString();
        http->setBearer(token);

        // The canaries: resources that exist before the abuse and must be unchanged after it.
        canaries = {{hub(QStringLiteral("iot-prod-rg"), QStringLiteral("contoso-hub-weu")), kHub},
                    {dps(QStringLiteral("iot-prod-rg"), QStringLiteral("contoso-dps")), kDps},
                    {rg(QStringLiteral("iot-prod-rg")), kRes}};
        for (const auto &c : canaries) {
            const HttpResult r = get(url(c.first, c.second));
            ASSERT_EQ(r.status, 200) << show(r);
            canaryBodies.append(r.body);
        }
        canaryKeys = post(url(hub(QStringLiteral("iot-prod-rg"), QStringLiteral("contoso-hub-weu")) + QStringLiteral("/listkeys"), kHub), QByteArray()).body;
        ASSERT_FALSE(canaryKeys.isEmpty());
    }

    void TearDown() override
    {
        if (!HasFatalFailure() && sandbox && !canaryBodies.isEmpty())
            expectHealthy();
        http.reset();
        if (sandbox) {
            sandbox->stop();
            EXPECT_EQ(sandbox->exitCode(), 0) << "the sandbox exits cleanly after the abuse";
        }
    }

    // The process still runs, answers promptly, its state dump parses and the canaries are unchanged.
    void expectHealthy()
    {
        ASSERT_EQ(sandbox->process().state(), QProcess::Running) << "the sandbox died";
        HttpClient fresh(sandbox.get());
        fresh.setBearer(token);
        for (int i = 0; i < canaries.size(); ++i) {
            const HttpResult r = fresh.send("GET", url(canaries[i].first, canaries[i].second), {}, {}, kTimeoutMs);
            EXPECT_EQ(r.status, 200) << show(r);
            EXPECT_EQ(QJsonDocument::fromJson(r.body), QJsonDocument::fromJson(canaryBodies[i])) << canaries[i].first.toStdString();
        }
        const HttpResult keys = fresh.send("POST", url(hub(QStringLiteral("iot-prod-rg"), QStringLiteral("contoso-hub-weu")) + QStringLiteral("/listkeys"), kHub),
                                           {}, {}, kTimeoutMs);
        EXPECT_EQ(keys.body, canaryKeys);
        const HttpResult state = fresh.send("GET", admin(QStringLiteral("state")), {}, {}, kTimeoutMs);
        ASSERT_EQ(state.status, 200) << show(state);
        QJsonParseError error;
        const QJsonDocument doc = QJsonDocument::fromJson(state.body, &error);
        EXPECT_EQ(error.error, QJsonParseError::NoError) << "state dump does not parse: " << error.errorString().toStdString();
        EXPECT_TRUE(doc.isObject());
        const HttpResult list = fresh.send("GET", url(QStringLiteral("/subscriptions/%1/resourcegroups").arg(sub), kRes), {}, {}, kTimeoutMs);
        EXPECT_EQ(list.status, 200) << show(list);
    }

    QUrl base() const { return sandbox->baseUrl(); }
    QUrl admin(const QString &what) const { return base().resolved(QUrl(QStringLiteral("_sandbox/") + what)); }
    QUrl url(const QString &path, const QString &api, const QString &extra = {}) const { return http->arm(path, api, extra); }
    QString rg(const QString &name) const { return QStringLiteral("/subscriptions/%1/resourcegroups/%2").arg(sub, name); }
    QString hub(const QString &group, const QString &name) const
    {
        return QStringLiteral("/subscriptions/%1/resourceGroups/%2/providers/Microsoft.Devices/IotHubs/%3").arg(sub, group, name);
    }
    QString dps(const QString &group, const QString &name) const
    {
        return QStringLiteral("/subscriptions/%1/resourceGroups/%2/providers/Microsoft.Devices/provisioningServices/%3").arg(sub, group, name);
    }

    HttpResult get(const QUrl &u) { return http->send("GET", u, {}, {}, kTimeoutMs); }
    HttpResult send(const QByteArray &method, const QUrl &u, const QByteArray &body, const QByteArray &contentType = "application/json")
    {
        QList<QPair<QByteArray, QByteArray>> h;
        if (!contentType.isEmpty())
            h.append(qMakePair(QByteArray("Content-Type"), contentType));
        return http->send(method, u, body, h, kTimeoutMs);
    }
    HttpResult put(const QUrl &u, const QByteArray &body, const QByteArray &contentType = "application/json") { return send("PUT", u, body, contentType); }
    HttpResult put(const QUrl &u, const QJsonObject &body) { return put(u, QJsonDocument(body).toJson(QJsonDocument::Compact)); }
    HttpResult post(const QUrl &u, const QByteArray &body, const QByteArray &contentType = "application/json") { return send("POST", u, body, contentType); }

    // Exactly these bytes on a fresh connection; reads one answer (or until the server closes / times out).
    RawResult raw(const QByteArray &bytes, int timeoutMs = kTimeoutMs, bool closeWrite = false)
    {
        RawResult result;
        QTcpSocket socket;
        socket.connectToHost(base().host(), quint16(base().port()));
        if (!socket.waitForConnected(timeoutMs))
            return result;
        socket.write(bytes);
        socket.flush();
        if (closeWrite)
            socket.disconnectFromHost();
        QByteArray data;
        QDeadlineTimer deadline(timeoutMs);
        while (!deadline.hasExpired()) {
            if (socket.state() != QAbstractSocket::ConnectedState && socket.bytesAvailable() == 0) {
                result.closed = true;
                break;
            }
            socket.waitForReadyRead(50);
            data += socket.readAll();
            const int end = data.indexOf("\r\n\r\n");
            if (end >= 0) {
                const QByteArray head = data.left(end);
                qint64 length = 0;
                for (const QByteArray &line : head.split('\n')) {
                    if (line.toLower().startsWith("content-length:"))
                        length = line.mid(15).trimmed().toLongLong();
                }
                if (data.size() - end - 4 >= length) {
                    result.head = head;
                    result.body = data.mid(end + 4, int(length));
                    const QList<QByteArray> statusLine = head.split('\r').first().split(' ');
                    result.status = statusLine.size() > 1 ? statusLine.at(1).toInt() : 0;
                    break;
                }
            }
        }
        return result;
    }

    QByteArray rawRequest(const QByteArray &method, const QByteArray &target, const QByteArray &body = {},
                          const QByteArray &extraHeaders = {})
    {
        QByteArray r = method + ' ' + target + " HTTP/1.1\r\nHost: " + base().host().toLatin1() + ':' + QByteArray::number(base().port())
                       + "\r\nAuthorization: Bearer " + token.toLatin1() + "\r\nConnection: close\r\n" + extraHeaders;
        if (!body.isEmpty() || method == "PUT" || method == "POST")
            r += "Content-Type: application/json\r\nContent-Length: " + QByteArray::number(body.size()) + "\r\n";
        return r + "\r\n" + body;
    }

    std::unique_ptr<SandboxProcess> sandbox;
    std::unique_ptr<HttpClient> http;
    QString sub, token;
    QList<QPair<QString, QString>> canaries; // path, api-version
    QList<QByteArray> canaryBodies;
    QByteArray canaryKeys;
};

// ---- bodies ------------------------------------------------------------------------------------

TEST_F(BadInput, MalformedJson)
{
    const QList<QByteArray> bodies{"{", "{\"location\": }", "not json at all", "{\"location\":\"westeurope\"} trailing",
                                   "{'location': 'westeurope'}", "{\"location\":\"westeurope\",}", QByteArray("\xff\xfe\x00\x01", 4),
                                   "{\"location\":\"west\xff\xfe\"}", "{\"a\":1,\"a\":", "\x00"};
    const QList<QPair<QByteArray, QUrl>> targets{
        {"PUT", url(rg(QStringLiteral("json-rg")), kRes)},
        {"PUT", url(hub(QStringLiteral("iot-prod-rg"), QStringLiteral("json-hub")), kHub)},
        {"PUT", url(dps(QStringLiteral("iot-prod-rg"), QStringLiteral("json-dps")), kDps)},
        {"PATCH", url(hub(QStringLiteral("iot-prod-rg"), QStringLiteral("contoso-hub-weu")), kHub)},
        {"POST", url(QStringLiteral("/subscriptions/%1/providers/Microsoft.Devices/checkNameAvailability").arg(sub), kHub)},
        {"POST", url(QStringLiteral("/subscriptions/%1/providers/Microsoft.Devices/checkProvisioningServiceNameAvailability").arg(sub), kDps)},
    };
    for (const auto &t : targets) {
        for (const QByteArray &body : bodies) {
            const HttpResult r = send(t.first, t.second, body);
            EXPECT_EQ(r.status, 400) << t.first.constData() << ' ' << t.second.path().toStdString() << " body " << body.toHex().left(40).constData() << ": " << show(r);
            EXPECT_ARM_4XX(r, body.toHex().left(40).constData());
        }
    }
    EXPECT_EQ(get(url(rg(QStringLiteral("json-rg")), kRes)).status, 404);
    EXPECT_EQ(get(url(hub(QStringLiteral("iot-prod-rg"), QStringLiteral("json-hub")), kHub)).status, 404);
}

TEST_F(BadInput, JsonThatIsNotAnObject)
{
    const QList<QByteArray> bodies{"[]", "[{\"location\":\"westeurope\"}]", "\"westeurope\"", "42", "null", "true"};
    for (const QByteArray &body : bodies) {
        SCOPED_TRACE(body.constData());
        EXPECT_EQ(put(url(rg(QStringLiteral("array-rg")), kRes), body).status, 400);
        const HttpResult h = put(url(hub(QStringLiteral("iot-prod-rg"), QStringLiteral("array-hub")), kHub), body);
        EXPECT_EQ(h.status, 400) << show(h);
        EXPECT_ARM_4XX(h, "hub");
        const HttpResult d = put(url(dps(QStringLiteral("iot-prod-rg"), QStringLiteral("array-dps")), kDps), body);
        EXPECT_EQ(d.status, 400) << show(d);
        EXPECT_ARM_4XX(d, "dps");
        EXPECT_EQ(post(url(QStringLiteral("/subscriptions/%1/providers/Microsoft.Devices/checkNameAvailability").arg(sub), kHub), body).status, 400);
    }
}

TEST_F(BadInput, WrongContentType)
{
    const QByteArray body = QJsonDocument(QJsonObject{{QStringLiteral("location"), QStringLiteral("westeurope")}}).toJson();
    for (const QByteArray &type : {QByteArray("text/plain"), QByteArray("application/xml"), QByteArray("application/x-www-form-urlencoded"),
                                   QByteArray("multipart/form-data; boundary=x"), QByteArray("application/jsonp")}) {
        SCOPED_TRACE(type.constData());
        const HttpResult r = put(url(rg(QStringLiteral("ct-rg")), kRes), body, type);
        EXPECT_EQ(r.status, 415) << show(r);
        EXPECT_ARM_4XX(r, type.constData());
        const HttpResult h = put(url(hub(QStringLiteral("iot-prod-rg"), QStringLiteral("ct-hub")), kHub), QJsonDocument(hubBody()).toJson(), type);
        EXPECT_EQ(h.status, 415) << show(h);
    }
    EXPECT_EQ(get(url(rg(QStringLiteral("ct-rg")), kRes)).status, 404);
    // Parameters and casing of a JSON media type are fine.
    EXPECT_EQ(put(url(rg(QStringLiteral("ct-rg")), kRes), body, "application/json; charset=utf-8").status, 201);
    EXPECT_EQ(put(url(rg(QStringLiteral("ct-rg")), kRes), body, "Application/JSON").status, 200);
}

TEST_F(BadInput, EmptyBodyOnPut)
{
    for (const QUrl &u : {url(rg(QStringLiteral("empty-rg")), kRes), url(hub(QStringLiteral("iot-prod-rg"), QStringLiteral("empty-hub")), kHub),
                          url(dps(QStringLiteral("iot-prod-rg"), QStringLiteral("empty-dps")), kDps),
                          url(hub(QStringLiteral("iot-prod-rg"), QStringLiteral("contoso-hub-weu")), kHub)}) {
        for (const QByteArray &body : {QByteArray(), QByteArray("   "), QByteArray("\r\n")}) {
            const HttpResult r = put(u, body);
            EXPECT_EQ(r.status, 400) << u.path().toStdString() << ": " << show(r);
            EXPECT_ARM_4XX(r, u.path().toStdString());
        }
    }
    EXPECT_EQ(put(url(rg(QStringLiteral("empty-rg")), kRes), QJsonObject()).status, 400) << "{} lacks the location";
}

TEST_F(BadInput, BodyOverTheSizeLimit)
{
    QJsonObject body{{QStringLiteral("location"), QStringLiteral("westeurope")},
                     {QStringLiteral("tags"), QJsonObject{{QStringLiteral("filler"), QString(1024 * 1024 + 16, QLatin1Char('x'))}}}};
    const QByteArray bytes = QJsonDocument(body).toJson(QJsonDocument::Compact);
    ASSERT_GT(bytes.size(), 1024 * 1024);
    const HttpResult r = put(url(rg(QStringLiteral("big-rg")), kRes), bytes);
    EXPECT_EQ(r.status, 413) << show(r);
    EXPECT_ARM_4XX(r, "rg");
    QJsonObject big = hubBody();
    big.insert(QStringLiteral("tags"), body.value(QStringLiteral("tags")));
    const HttpResult h = put(url(hub(QStringLiteral("iot-prod-rg"), QStringLiteral("big-hub")), kHub), big);
    EXPECT_EQ(h.status, 413) << show(h);
    // 4 MiB of garbage, not even JSON.
    const HttpResult g = put(url(rg(QStringLiteral("big-rg")), kRes), QByteArray(4 * 1024 * 1024, '{'));
    EXPECT_EQ(g.status, 413) << show(g);
    EXPECT_EQ(get(url(rg(QStringLiteral("big-rg")), kRes)).status, 404);
    EXPECT_EQ(get(url(hub(QStringLiteral("iot-prod-rg"), QStringLiteral("big-hub")), kHub)).status, 404);
}

TEST_F(BadInput, DeeplyNestedJson)
{
    // Far beyond any parser's nesting limit.
    const QByteArray deepArray = QByteArray(200000, '[') + QByteArray(200000, ']');
    EXPECT_ARM_4XX(put(url(rg(QStringLiteral("deep-rg")), kRes), deepArray), "200000 nested arrays");
    QByteArray deepObject;
    for (int i = 0; i < 5000; ++i)
        deepObject += "{\"a\":";
    deepObject += "1" + QByteArray(5000, '}');
    EXPECT_ARM_4XX(put(url(hub(QStringLiteral("iot-prod-rg"), QStringLiteral("deep-hub")), kHub), deepObject), "5000 nested objects");

    // Deep but parseable bodies in fields the services keep: either refused (400) or stored in a way that
    // keeps the state dump and the state file readable.
    for (int depth : {60, 500, 1020}) {
        SCOPED_TRACE(depth);
        const QString name = QStringLiteral("deep-hub-%1").arg(depth);
        const HttpResult h = put(url(hub(QStringLiteral("iot-prod-rg"), name), kHub),
                                 with(hubBody(), QStringLiteral("properties.routing"), nested(depth)));
        EXPECT_TRUE(h.status == 201 || h.status == 400) << show(h);
        if (h.status >= 400)
            EXPECT_ARM_4XX(h, "deep routing");
        const HttpResult d = put(url(dps(QStringLiteral("iot-prod-rg"), QStringLiteral("deep-dps-%1").arg(depth)), kDps),
                                 with(dpsBody(), QStringLiteral("properties.ipFilterRules"), QJsonArray{nested(depth)}));
        EXPECT_TRUE(d.status == 201 || d.status == 400) << show(d);
        if (h.status == 201) {
            const HttpResult back = get(url(hub(QStringLiteral("iot-prod-rg"), name), kHub));
            EXPECT_EQ(back.status, 200);
            EXPECT_FALSE(QJsonDocument::fromJson(back.body).isNull()) << "GET of the stored hub parses";
        }
        const HttpResult state = http->send("GET", admin(QStringLiteral("state")), {}, {}, kTimeoutMs);
        QJsonParseError error;
        QJsonDocument::fromJson(state.body, &error);
        EXPECT_EQ(error.error, QJsonParseError::NoError) << "state dump after depth " << depth << ": " << error.errorString().toStdString();
    }
}

TEST_F(BadInput, HugeAndOddNumbers)
{
    const QUrl hubUrl = url(hub(QStringLiteral("iot-prod-rg"), QStringLiteral("number-hub")), kHub);
    const QList<QPair<QString, QJsonValue>> hubCases{
        {QStringLiteral("sku.capacity"), 1e308}, {QStringLiteral("sku.capacity"), -1}, {QStringLiteral("sku.capacity"), 0},
        {QStringLiteral("sku.capacity"), 1.5}, {QStringLiteral("sku.capacity"), 1e20}, {QStringLiteral("sku.capacity"), 9007199254740993.0},
        {QStringLiteral("sku.capacity"), 201}, {QStringLiteral("sku.capacity"), -1e308},
        {QStringLiteral("properties.eventHubEndpoints.events.partitionCount"), 1e20},
        {QStringLiteral("properties.eventHubEndpoints.events.partitionCount"), -5},
        {QStringLiteral("properties.eventHubEndpoints.events.partitionCount"), 0},
        {QStringLiteral("properties.eventHubEndpoints.events.partitionCount"), 129},
        {QStringLiteral("properties.eventHubEndpoints.events.partitionCount"), 2.5},
        {QStringLiteral("properties.eventHubEndpoints.events.partitionCount"), 4294967298.0},
        {QStringLiteral("properties.eventHubEndpoints.events.retentionTimeInDays"), 1e10},
        {QStringLiteral("properties.eventHubEndpoints.events.retentionTimeInDays"), 0},
        {QStringLiteral("properties.eventHubEndpoints.events.retentionTimeInDays"), 8},
        {QStringLiteral("properties.eventHubEndpoints.events.retentionTimeInDays"), 1.5},
    };
    for (const auto &c : hubCases) {
        const std::string what = c.first.toStdString() + " = " + QJsonDocument(QJsonArray{c.second}).toJson(QJsonDocument::Compact).toStdString();
        const HttpResult r = put(hubUrl, with(hubBody(), c.first, c.second));
        EXPECT_EQ(r.status, 400) << what << ": " << show(r);
        EXPECT_ARM_4XX(r, what);
    }
    const QUrl dpsUrl = url(dps(QStringLiteral("iot-prod-rg"), QStringLiteral("number-dps")), kDps);
    for (const QJsonValue &v : {QJsonValue(1e308), QJsonValue(0), QJsonValue(-1), QJsonValue(11), QJsonValue(1.5), QJsonValue(-1e308)}) {
        const HttpResult r = put(dpsUrl, with(dpsBody(), QStringLiteral("sku.capacity"), v));
        EXPECT_EQ(r.status, 400) << v.toDouble() << ": " << show(r);
    }
    EXPECT_EQ(get(hubUrl).status, 404);
    EXPECT_EQ(get(dpsUrl).status, 404);
}

// Every field of a hub create body with a value of the wrong JSON type.
TEST_F(BadInput, WrongJsonTypesInHubBody)
{
    const QJsonValue str(QStringLiteral("x")), num(5), boolean(true), arr(QJsonArray{1}), obj(QJsonObject{{QStringLiteral("k"), 1}});
    const QList<QPair<QString, QList<QJsonValue>>> cases{
        {QStringLiteral("location"), {num, boolean, arr, obj, QJsonValue()}},
        {QStringLiteral("sku"), {str, num, boolean, arr}},
        {QStringLiteral("sku.name"), {num, boolean, arr, obj}},
        {QStringLiteral("sku.capacity"), {QJsonValue(QStringLiteral("1")), boolean, arr, obj}},
        {QStringLiteral("tags"), {str, num, boolean, arr}},
        {QStringLiteral("tags.env"), {num, boolean, arr, obj}},
        {QStringLiteral("properties"), {str, num, boolean, arr}},
        {QStringLiteral("properties.eventHubEndpoints"), {str, num, arr}},
        {QStringLiteral("properties.eventHubEndpoints.events"), {str, num, arr}},
        {QStringLiteral("properties.eventHubEndpoints.events.partitionCount"), {QJsonValue(QStringLiteral("4")), boolean, arr, obj}},
        {QStringLiteral("properties.eventHubEndpoints.events.retentionTimeInDays"), {QJsonValue(QStringLiteral("1")), boolean, arr, obj}},
        {QStringLiteral("properties.authorizationPolicies"), {str, num, obj}},
        {QStringLiteral("properties.authorizationPolicies.0"), {str, num}},
        {QStringLiteral("properties.authorizationPolicies.0.keyName"), {num, obj}},
        {QStringLiteral("properties.ipFilterRules"), {str, num, obj}},
        {QStringLiteral("properties.publicNetworkAccess"), {num, boolean, arr, obj}},
        {QStringLiteral("properties.minTlsVersion"), {num, boolean, arr}},
        {QStringLiteral("properties.disableLocalAuth"), {str, num, arr}},
        {QStringLiteral("properties.enableFileUploadNotifications"), {str, num, arr}},
        {QStringLiteral("properties.routing"), {str, num, arr}},
        {QStringLiteral("properties.cloudToDevice"), {str, num, arr}},
        {QStringLiteral("properties.storageEndpoints"), {str, num, arr}},
        {QStringLiteral("properties.messagingEndpoints"), {str, num, arr}},
        {QStringLiteral("properties.features"), {num, boolean, arr}},
        {QStringLiteral("properties.enableDataResidency"), {str, num, arr}},
        {QStringLiteral("identity"), {str, num, arr}},
    };
    int n = 0;
    for (const auto &c : cases) {
        for (const QJsonValue &v : c.second) {
            const QString name = QStringLiteral("typed-hub-%1").arg(n++);
            const std::string what = c.first.toStdString() + " = " + QJsonDocument(QJsonArray{v}).toJson(QJsonDocument::Compact).toStdString();
            const HttpResult r = put(url(hub(QStringLiteral("iot-prod-rg"), name), kHub), with(hubBody(), c.first, v));
            EXPECT_EQ(r.status, 400) << what << ": " << show(r);
            if (r.status >= 400)
                EXPECT_ARM_4XX(r, what);
        }
    }
    // The same checks apply to an update of an existing hub.
    const QUrl existing = url(hub(QStringLiteral("iot-prod-rg"), QStringLiteral("contoso-hub-weu")), kHub);
    const HttpResult current = get(existing);
    const QByteArray etag = current.json().value(QStringLiteral("etag")).toString().toLatin1();
    for (const auto &[field, value] : {std::pair{QStringLiteral("tags"), QJsonValue(QJsonArray{1})},
                                       std::pair{QStringLiteral("properties.routing"), QJsonValue(5)},
                                       std::pair{QStringLiteral("sku.capacity"), QJsonValue(QStringLiteral("2"))}}) {
        const HttpResult r = http->send("PUT", existing, QJsonDocument(with(current.json(), field, value)).toJson(QJsonDocument::Compact),
                                        {{"Content-Type", "application/json"}, {"If-Match", etag}}, kTimeoutMs);
        EXPECT_EQ(r.status, 400) << "update " << field.toStdString() << ": " << show(r);
    }
}

// Every field of a DPS create body (and of a linked hub) with a value of the wrong JSON type.
TEST_F(BadInput, WrongJsonTypesInDpsBody)
{
    const QString weuKey = [&] {
        const HttpResult r = post(url(hub(QStringLiteral("iot-prod-rg"), QStringLiteral("contoso-hub-weu")) + QStringLiteral("/IotHubKeys/iothubowner/listkeys"), kHub), QByteArray());
        return r.json().value(QStringLiteral("primaryKey")).toString();
    }();
    ASSERT_FALSE(weuKey.isEmpty());
    // A valid link to start from (to contoso-hub-eus: contoso-hub-weu is already linked to contoso-dps, which doesn't matter here).
    const QString eusKey = post(url(QStringLiteral("/subscriptions/%1/resourceGroups/iot-shared-rg/providers/Microsoft.Devices/IotHubs/contoso-hub-eus/IotHubKeys/iothubowner/listkeys").arg(sub), kHub),
                                QByteArray()).json().value(QStringLiteral("primaryKey")).toString();
    const QJsonObject goodLink{{QStringLiteral("connectionString"), QStringLiteral("HostName=contoso-hub-eus.azure-devices.net;SharedAccessKeyName=iothubowner;SharedAccessKey=") + eusKey},
                               {QStringLiteral("location"), QStringLiteral("eastus")},
                               {QStringLiteral("allocationWeight"), 1},
                               {QStringLiteral("applyAllocationPolicy"), true}};
    const QJsonObject linked = with(dpsBody(), QStringLiteral("properties.iotHubs"), QJsonArray{goodLink});

    const QJsonValue str(QStringLiteral("x")), num(5), boolean(true), arr(QJsonArray{1}), obj(QJsonObject{{QStringLiteral("k"), 1}});
    const QList<QPair<QString, QList<QJsonValue>>> cases{
        {QStringLiteral("location"), {num, boolean, arr, obj, QJsonValue()}},
        {QStringLiteral("sku"), {str, num, boolean, arr}},
        {QStringLiteral("sku.name"), {num, boolean, arr, obj}},
        {QStringLiteral("sku.capacity"), {QJsonValue(QStringLiteral("1")), boolean, arr, obj}},
        {QStringLiteral("tags"), {str, num, boolean, arr}},
        {QStringLiteral("tags.env"), {num, boolean, arr, obj}},
        {QStringLiteral("properties"), {str, num, boolean, arr}},
        {QStringLiteral("properties.iotHubs"), {str, num, boolean, obj}},
        {QStringLiteral("properties.iotHubs.0"), {str, num, boolean, arr}},
        {QStringLiteral("properties.iotHubs.0.connectionString"), {num, boolean, arr, obj}},
        {QStringLiteral("properties.iotHubs.0.location"), {num, boolean, arr, obj}},
        {QStringLiteral("properties.iotHubs.0.allocationWeight"), {QJsonValue(QStringLiteral("1")), boolean, arr, obj}},
        {QStringLiteral("properties.iotHubs.0.applyAllocationPolicy"), {QJsonValue(QStringLiteral("true")), num, arr, obj}},
        {QStringLiteral("properties.allocationPolicy"), {num, boolean, arr, obj}},
        {QStringLiteral("properties.enableDataResidency"), {str, num, arr, obj}},
        {QStringLiteral("properties.publicNetworkAccess"), {num, boolean, arr, obj}},
        {QStringLiteral("properties.ipFilterRules"), {str, num, boolean, obj}},
        {QStringLiteral("properties.ipFilterRules.0"), {str, num}},
        {QStringLiteral("properties.privateEndpointConnections"), {str, num, obj}},
    };
    int n = 0;
    for (const auto &c : cases) {
        for (const QJsonValue &v : c.second) {
            const QString name = QStringLiteral("typed-dps-%1").arg(n++);
            const std::string what = c.first.toStdString() + " = " + QJsonDocument(QJsonArray{v}).toJson(QJsonDocument::Compact).toStdString();
            const HttpResult r = put(url(dps(QStringLiteral("iot-prod-rg"), name), kDps), with(linked, c.first, v));
            EXPECT_EQ(r.status, 400) << what << ": " << show(r);
            if (r.status >= 400)
                EXPECT_ARM_4XX(r, what);
        }
    }
    // 2026-08-31 fields of a linked hub.
    for (const auto &[field, value] : {std::pair{QStringLiteral("properties.iotHubs.0.authenticationType"), QJsonValue(5)},
                                       std::pair{QStringLiteral("properties.iotHubs.0.authenticationType"), QJsonValue(QStringLiteral("Telepathy"))},
                                       std::pair{QStringLiteral("properties.iotHubs.0.hostName"), QJsonValue(QJsonArray{})}}) {
        const HttpResult r = put(url(dps(QStringLiteral("iot-prod-rg"), QStringLiteral("typed-dps-%1").arg(n++)), kDpsLatest), with(linked, field, value));
        EXPECT_EQ(r.status, 400) << field.toStdString() << ": " << show(r);
    }
    // The valid body itself is fine (so the 400s above are about the types).
    const HttpResult ok = put(url(dps(QStringLiteral("iot-prod-rg"), QStringLiteral("typed-dps-ok")), kDps), linked);
    EXPECT_EQ(ok.status, 201) << show(ok);
}

TEST_F(BadInput, CheckNameAvailabilityOddBodies)
{
    const QUrl hubCheck = url(QStringLiteral("/subscriptions/%1/providers/Microsoft.Devices/checkNameAvailability").arg(sub), kHub);
    const QUrl dpsCheck = url(QStringLiteral("/subscriptions/%1/providers/Microsoft.Devices/checkProvisioningServiceNameAvailability").arg(sub), kDps);
    for (const QUrl &u : {hubCheck, dpsCheck}) {
        for (const QJsonValue &v : {QJsonValue(5), QJsonValue(QJsonArray{}), QJsonValue(QJsonObject{}), QJsonValue(), QJsonValue(true)}) {
            const HttpResult r = post(u, QJsonDocument(QJsonObject{{QStringLiteral("name"), v}}).toJson());
            EXPECT_EQ(r.status, 400) << show(r);
            EXPECT_ARM_4XX(r, "name of the wrong type");
        }
        EXPECT_EQ(post(u, QByteArray()).status, 400);
        for (const QString &odd : {QString(100000, QLatin1Char('n')), QStringLiteral("h\u00e4b"), QStringLiteral("a/b"), QStringLiteral("../.."),
                                   QStringLiteral("a\u0000b"), QString()}) {
            const HttpResult r = post(u, QJsonDocument(QJsonObject{{QStringLiteral("name"), odd}}).toJson());
            EXPECT_EQ(r.status, 200) << show(r);
            EXPECT_FALSE(r.json().value(QStringLiteral("nameAvailable")).toBool(true));
            EXPECT_EQ(r.json().value(QStringLiteral("reason")).toString(), QStringLiteral("Invalid"));
            EXPECT_LT(r.body.size(), 2000) << "the message doesn't echo a huge name";
        }
    }
}

// ---- routes and methods ----------------------------------------------------------------------------

TEST_F(BadInput, UnknownRoutesAre404ArmErrors)
{
    const QList<QUrl> urls{
        base().resolved(QUrl(QStringLiteral("/"))),
        base().resolved(QUrl(QStringLiteral("/nothing/here"))),
        url(QStringLiteral("/subscriptions/%1/foo").arg(sub), kRes),
        url(QStringLiteral("/subscriptions/%1/resourceGroups/iot-prod-rg/providers/Microsoft.Foo/bars/x").arg(sub), kRes),
        url(QStringLiteral("/subscriptions/%1/resourceGroups/iot-prod-rg/providers/Microsoft.Devices/IotHubs/contoso-hub-weu/nope").arg(sub), kHub),
        url(QStringLiteral("/subscriptions/%1/resourceGroups/iot-prod-rg/providers/Microsoft.Devices/IotHubs/contoso-hub-weu/operationResults/not-an-operation").arg(sub), kHub),
        url(QStringLiteral("/subscriptions/%1/resourceGroups/iot-prod-rg/providers/Microsoft.Devices/provisioningServices/contoso-dps/operationresults/00000000-0000-0000-0000-000000000000").arg(sub), kDps, QStringLiteral("asyncinfo")),
        url(QStringLiteral("/subscriptions/%1/operationresults/nope").arg(sub), kRes),
        url(QStringLiteral("/subscriptions/%1/providers/Microsoft.Nope").arg(sub), kRes),
        base().resolved(QUrl(QStringLiteral("/_sandbox/nope"))),
    };
    for (const QUrl &u : urls) {
        const HttpResult r = get(u);
        EXPECT_EQ(r.status, 404) << u.toString().toStdString() << ": " << show(r);
        EXPECT_ARM_4XX(r, u.toString().toStdString());
        EXPECT_TRUE(r.header("Content-Type").startsWith("application/json")) << u.toString().toStdString();
    }
}

TEST_F(BadInput, WrongMethodsAre405WithAllow)
{
    struct Case
    {
        QByteArray method;
        QUrl url;
        QList<QByteArray> allowed;
    };
    const QList<Case> cases{
        {"DELETE", url(QStringLiteral("/subscriptions"), kSubs), {"GET"}},
        {"POST", url(QStringLiteral("/subscriptions/%1/resourcegroups").arg(sub), kRes), {"GET"}},
        {"PUT", url(QStringLiteral("/subscriptions/%1").arg(sub), kSubs), {"GET"}},
        {"POST", url(hub(QStringLiteral("iot-prod-rg"), QStringLiteral("contoso-hub-weu")), kHub), {"GET", "PUT", "PATCH", "DELETE"}},
        {"DELETE", url(hub(QStringLiteral("iot-prod-rg"), QStringLiteral("contoso-hub-weu")) + QStringLiteral("/listkeys"), kHub), {"POST"}},
        {"GET", url(QStringLiteral("/subscriptions/%1/providers/Microsoft.Devices/checkNameAvailability").arg(sub), kHub), {"POST"}},
        {"PUT", url(QStringLiteral("/subscriptions/%1/providers/Microsoft.Devices/provisioningServices").arg(sub), kDps), {"GET"}},
    };
    for (const auto &c : cases) {
        const std::string what = c.method.toStdString() + " " + c.url.path().toStdString();
        const HttpResult r = http->send(c.method, c.url, c.method == "GET" || c.method == "DELETE" ? QByteArray() : QByteArray("{}"),
                                        {{"Content-Type", "application/json"}}, kTimeoutMs);
        EXPECT_EQ(r.status, 405) << what << ": " << show(r);
        EXPECT_ARM_4XX(r, what);
        const QByteArray allow = r.header("Allow");
        for (const QByteArray &m : c.allowed)
            EXPECT_TRUE(allow.contains(m)) << what << ": Allow '" << allow.constData() << "' lacks " << m.constData();
        EXPECT_FALSE(allow.contains(c.method)) << what << ": Allow '" << allow.constData() << "'";
    }
    // Nothing was deleted or changed by those.
    EXPECT_EQ(get(url(hub(QStringLiteral("iot-prod-rg"), QStringLiteral("contoso-hub-weu")), kHub)).status, 200);
}

TEST_F(BadInput, OddCharactersAndTraversalInNames)
{
    // Sent byte for byte (no client-side normalisation of "..", "%2F" or "%00").
    const QByteArray rgBase = "/subscriptions/" + sub.toLatin1() + "/resourceGroups/";
    const QByteArray hubBase = rgBase + "iot-prod-rg/providers/Microsoft.Devices/IotHubs/";
    const QByteArray dpsBase = rgBase + "iot-prod-rg/providers/Microsoft.Devices/provisioningServices/";
    const QByteArray hubJson = QJsonDocument(hubBody()).toJson(QJsonDocument::Compact);
    const QByteArray dpsJson = QJsonDocument(dpsBody()).toJson(QJsonDocument::Compact);
    const QByteArray rgJson = R"({"location":"westeurope"})";
    const QList<QByteArray> names{"..", "%2E%2E", "a%2Fb", "a%2fb", "..%2F..%2Fiot-prod-rg", "a%00b", "%00", "h%C3%A4b",
                                  "name%20with%20spaces", "a%0D%0AX-Injected:%201", "%25", "a%5Cb", "%3Cscript%3E", "a'b", "a%22b",
                                  QByteArray(300, 'n'), "%FF%FE", "a;b", "a%3Fb", "a%23b", "%E2%80%AE"};
    for (const QByteArray &name : names) {
        const std::string what = name.left(60).toStdString();
        for (const auto &[method, target, body] : {std::tuple{QByteArray("PUT"), hubBase + name, hubJson},
                                                   std::tuple{QByteArray("GET"), hubBase + name, QByteArray()},
                                                   std::tuple{QByteArray("PUT"), dpsBase + name, dpsJson},
                                                   std::tuple{QByteArray("DELETE"), dpsBase + name, QByteArray()},
                                                   std::tuple{QByteArray("POST"), hubBase + name + "/listkeys", QByteArray()}}) {
            const RawResult r = raw(rawRequest(method, target + "?api-version=" + (target.contains("IotHubs") ? kHub : kDps).toLatin1(), body));
            EXPECT_GE(r.status, 400) << method.constData() << " " << what << ": " << r.head.constData();
            EXPECT_LT(r.status, 500) << method.constData() << " " << what << ": " << r.head.constData() << r.body.constData();
            EXPECT_TRUE(errorShaped(r.body)) << method.constData() << " " << what << ": " << r.body.left(300).constData();
            EXPECT_FALSE(r.head.contains("X-Injected")) << "header injection through the name";
        }
        // Resource group names: ARM allows letters (Unicode), digits, '_', '-', '.', '(' and ')', not ending with '.'.
        const RawResult g = raw(rawRequest("PUT", rgBase + name + "?api-version=" + kRes.toLatin1(), rgJson));
        if (name == "h%C3%A4b") {
            EXPECT_EQ(g.status, 201) << "Unicode letters are valid in resource group names: " << g.head.constData();
        } else {
            EXPECT_GE(g.status, 400) << "rg " << what << ": " << g.head.constData();
            EXPECT_LT(g.status, 500) << "rg " << what << ": " << g.head.constData();
            EXPECT_TRUE(errorShaped(g.body)) << "rg " << what << ": " << g.body.left(300).constData();
        }
    }
    // The same through a normal client (which may normalise the URL first): still never a 5xx or a 2xx.
    for (const QString &name : {QStringLiteral("h\u00e4b"), QStringLiteral("with space"), QString(300, QLatin1Char('z')), QStringLiteral("emoji\U0001F600")}) {
        const HttpResult r = put(url(hub(QStringLiteral("iot-prod-rg"), name), kHub), hubBody());
        EXPECT_EQ(r.status, 400) << name.left(40).toStdString() << ": " << show(r);
        EXPECT_ARM_4XX(r, name.left(40).toStdString());
    }
    const HttpResult longRg = put(url(rg(QString(91, QLatin1Char('g'))), kRes), QByteArray(rgJson));
    EXPECT_EQ(longRg.status, 400) << show(longRg);
    const HttpResult dotRg = put(url(rg(QStringLiteral("ends-with-dot.")), kRes), QByteArray(rgJson));
    EXPECT_EQ(dotRg.status, 400) << show(dotRg);
    // Nothing landed in the canary group except through valid names.
    const HttpResult hubs = get(url(QStringLiteral("/subscriptions/%1/resourceGroups/iot-prod-rg/providers/Microsoft.Devices/IotHubs").arg(sub), kHub));
    EXPECT_EQ(hubs.json().value(QStringLiteral("value")).toArray().size(), 1) << show(hubs);
}

// ---- paging parameters -------------------------------------------------------------------------

TEST_F(BadInput, AbsurdTopValues)
{
    const QList<QUrl> lists{url(QStringLiteral("/subscriptions/%1/resourcegroups").arg(sub), kRes),
                            url(QStringLiteral("/subscriptions/%1/providers/Microsoft.Devices/IotHubs").arg(sub), kHub),
                            url(QStringLiteral("/subscriptions/%1/providers/Microsoft.Devices/provisioningServices").arg(sub), kDps),
                            url(QStringLiteral("/subscriptions"), kSubs)};
    for (const QUrl &list : lists) {
        for (const QString &top : {QStringLiteral("0"), QStringLiteral("-1"), QStringLiteral("99999999999"), QStringLiteral("abc"), QString(),
                                   QStringLiteral("1.5"), QStringLiteral("1e3"), QStringLiteral("0x10"), QStringLiteral("%00"),
                                   QStringLiteral("2147483648"), QStringLiteral("-2147483649")}) {
            QUrl u = list;
            QUrlQuery q(u);
            q.addQueryItem(QStringLiteral("$top"), top);
            u.setQuery(q);
            const HttpResult r = get(u);
            EXPECT_EQ(r.status, 400) << list.path().toStdString() << " $top=" << top.toStdString() << ": " << show(r);
            EXPECT_ARM_4XX(r, top.toStdString());
        }
        QUrl good = list;
        good.setQuery(good.query() + QStringLiteral("&$top=2"));
        EXPECT_EQ(get(good).status, 200) << good.toString().toStdString();
    }
}

TEST_F(BadInput, BogusSkipTokens)
{
    auto b64 = [](const QByteArray &s) { return QString::fromLatin1(s.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals)); };
    const QStringList tokens{QStringLiteral("abc"), QString(), QStringLiteral("%%%"), b64("o:99999"), b64("o:-1"), b64("x:1"),
                             b64("o:1:2"), b64("o:"), b64("o:1e3"), QString(10000, QLatin1Char('A')), QStringLiteral("\u00e4\u00f6\u00fc"),
                             b64(QByteArray(5000, '\xff')), QStringLiteral("../../etc/passwd")};
    const QList<QUrl> lists{url(QStringLiteral("/subscriptions/%1/resourcegroups").arg(sub), kRes),
                            url(QStringLiteral("/subscriptions/%1/providers/Microsoft.Devices/IotHubs").arg(sub), kHub),
                            url(QStringLiteral("/subscriptions"), kSubs),
                            url(QStringLiteral("/tenants"), kSubs)};
    for (const QUrl &list : lists) {
        for (const QString &token : tokens) {
            QUrl u = list;
            QUrlQuery q(u);
            q.addQueryItem(QStringLiteral("$skiptoken"), token);
            u.setQuery(q);
            const HttpResult r = get(u);
            EXPECT_EQ(r.status, 400) << list.path().toStdString() << " $skiptoken=" << token.left(30).toStdString() << ": " << show(r);
            EXPECT_ARM_4XX(r, token.left(30).toStdString());
        }
    }
    // listkeys with a bogus token, by POST and by GET.
    const QUrl keys = url(hub(QStringLiteral("iot-prod-rg"), QStringLiteral("contoso-hub-weu")) + QStringLiteral("/listkeys"), kHub, QStringLiteral("$skiptoken=garbage"));
    EXPECT_EQ(http->send("POST", keys, {}, {}, kTimeoutMs).status, 400);
    EXPECT_EQ(get(keys).status, 400);
}

// ---- protocol level --------------------------------------------------------------------------

TEST_F(BadInput, HeaderAbuse)
{
    const QUrl group = url(rg(QStringLiteral("iot-prod-rg")), kRes);
    // A 100 KB "token".
    const HttpResult huge = http->send("GET", group, {}, {{"Authorization", "Bearer " + QByteArray(100000, 'a')}}, kTimeoutMs);
    EXPECT_GE(huge.status, 400) << show(huge);
    EXPECT_LT(huge.status, 500) << show(huge);
    // Long and odd request ids are echoed bounded, not reflected verbatim without limit.
    const HttpResult ids = http->send("GET", group, {}, {{"x-ms-correlation-request-id", QByteArray(10000, 'c')}, {"x-ms-client-request-id", QByteArray(10000, 'd')}}, kTimeoutMs);
    EXPECT_EQ(ids.status, 200) << show(ids);
    EXPECT_LE(ids.header("x-ms-correlation-request-id").size(), 1024);
    EXPECT_LE(ids.header("x-ms-client-request-id").size(), 1024);
    // Header injection attempt through an echoed header.
    const RawResult injected = raw(rawRequest("GET", group.toString(QUrl::RemoveScheme | QUrl::RemoveAuthority).toLatin1(), {},
                                              "x-ms-client-request-id: abc\r\n"));
    EXPECT_EQ(injected.status, 200) << injected.head.constData();
    // Authorization schemes and forms that are not a bearer token.
    for (const QByteArray &auth : {QByteArray("Bearer"), QByteArray("Bearer  "), QByteArray("Bearer a.b"), QByteArray("Bearer a.b.c.d"),
                                   QByteArray("Bearer ....."), QByteArray("Negotiate abc"), QByteArray("\xff\xfe")}) {
        const HttpResult r = http->send("GET", group, {}, {{"Authorization", auth}}, kTimeoutMs);
        EXPECT_EQ(r.status, 401) << auth.toHex().constData() << ": " << show(r);
        EXPECT_ARM_4XX(r, auth.toHex().toStdString());
    }
    // Bad api-version values.
    for (const QString &v : {QStringLiteral("%00"), QString(5000, QLatin1Char('9')), QStringLiteral("2021-04-01'"), QStringLiteral("2021-04-01 ")}) {
        QUrl u = group;
        QUrlQuery q;
        q.addQueryItem(QStringLiteral("api-version"), v);
        u.setQuery(q);
        const HttpResult r = get(u);
        EXPECT_EQ(r.status, 400) << v.left(20).toStdString() << ": " << show(r);
        EXPECT_LT(r.body.size(), 4000) << "the error doesn't echo a huge api-version";
    }
}

TEST_F(BadInput, ProtocolGarbageDoesNotHurt)
{
    const QList<QByteArray> garbage{
        "GARBAGE\r\n\r\n",
        "GET / HTTP/9.9\r\n\r\n",
        "\r\n\r\n\r\n",
        QByteArray(70000, 'A') + "\r\n\r\n",
        "GET /subscriptions HTTP/1.1\r\nHost: x\r\nContent-Length: -5\r\n\r\n",
        "PUT /subscriptions/x/resourcegroups/y?api-version=2021-04-01 HTTP/1.1\r\nHost: x\r\nContent-Length: 100\r\n\r\nshort",
        "PUT /subscriptions/x/resourcegroups/y?api-version=2021-04-01 HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\nZZZ\r\nabc\r\n0\r\n\r\n",
        "FROBNICATE /subscriptions?api-version=2022-12-01 HTTP/1.1\r\nHost: x\r\n\r\n",
        QByteArray("GET /\x00\x01\x02 HTTP/1.1\r\nHost: x\r\n\r\n", 29),
        "GET /subscriptions?api-version=2022-12-01 HTTP/1.1\r\nHost: x\r\n" + QByteArray(200, 'H') + "\r\n\r\n",
    };
    for (const QByteArray &g : garbage) {
        const RawResult r = raw(g, 1500, true);
        EXPECT_TRUE(r.status == 0 || (r.status >= 400 && r.status < 500)) << g.left(40).toHex().constData() << ": " << r.head.constData();
    }
    // A half-sent request left open must not block everybody else.
    QTcpSocket stalled;
    stalled.connectToHost(base().host(), quint16(base().port()));
    ASSERT_TRUE(stalled.waitForConnected(kTimeoutMs));
    stalled.write("PUT /subscriptions/" + sub.toLatin1() + "/resourcegroups/stall?api-version=2021-04-01 HTTP/1.1\r\nHost: x\r\nContent-Length: 1000\r\n\r\n{\"loc");
    stalled.flush();
    std::vector<std::unique_ptr<QTcpSocket>> abandoned;
    for (int i = 0; i < 50; ++i) {
        abandoned.push_back(std::make_unique<QTcpSocket>());
        abandoned.back()->connectToHost(base().host(), quint16(base().port()));
    }
    QElapsedTimer timer;
    timer.start();
    const HttpResult r = get(url(rg(QStringLiteral("iot-prod-rg")), kRes));
    EXPECT_EQ(r.status, 200) << show(r);
    EXPECT_LT(timer.elapsed(), 3000);
    // Two requests pipelined on one connection both get answers (or the second is refused cleanly).
    const QByteArray one = "GET /subscriptions/" + sub.toLatin1() + "/resourcegroups/iot-prod-rg?api-version=2021-04-01 HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer " + token.toLatin1() + "\r\n\r\n";
    const RawResult pipelined = raw(one + one, 3000);
    EXPECT_EQ(pipelined.status, 200) << pipelined.head.constData();
    stalled.abort();
    for (auto &s : abandoned)
        s->abort();
}

TEST_F(BadInput, AdminApiRejectsNonsense)
{
    HttpClient plain(sandbox.get());
    auto adminPost = [&](const QString &what, const QByteArray &body) {
        return plain.send("POST", admin(what), body, {{"Content-Type", "application/json"}}, kTimeoutMs);
    };
    const QList<QPair<QString, QByteArray>> cases{
        {QStringLiteral("faults"), R"({"path": "([unclosed", "status": 500})"},
        {QStringLiteral("faults"), R"({"status": 200})"},
        {QStringLiteral("faults"), R"({"status": 503, "count": 0})"},
        {QStringLiteral("faults"), R"({"delayMs": -1})"},
        {QStringLiteral("faults"), R"({})"},
        {QStringLiteral("faults"), "[]"},
        {QStringLiteral("clock"), R"({"advanceSeconds": -5})"},
        {QStringLiteral("clock"), R"({"advanceSeconds": 1e300})"},
        {QStringLiteral("clock"), "{"},
        {QStringLiteral("options"), R"({"pageSize": 0})"},
        {QStringLiteral("options"), R"({"pageSize": "big"})"},
        {QStringLiteral("options"), R"({"readBucket": 1e20})"},
        {QStringLiteral("tokens"), R"({"username": "nobody@nowhere.example"})"},
        {QStringLiteral("tokens"), R"({})"},
        {QStringLiteral("reset"), R"({"world": "atlantis"})"},
        {QStringLiteral("reset"), R"({"world": "scale:0:0"})"},
        {QStringLiteral("subscriptions/") + sub, R"({"state": "Frozen"})"},
        {QStringLiteral("subscriptions/") + sub, R"({"providers": {"Microsoft.Devices": "Maybe"}})"},
        {QStringLiteral("subscriptions/not-a-subscription"), R"({"state": "Disabled"})"},
    };
    for (const auto &c : cases) {
        const HttpResult r = adminPost(c.first, c.second);
        EXPECT_GE(r.status, 400) << c.first.toStdString() << " " << c.second.constData() << ": " << show(r);
        EXPECT_LT(r.status, 500) << c.first.toStdString() << " " << c.second.constData() << ": " << show(r);
    }
    const HttpResult options = plain.send("GET", admin(QStringLiteral("options")), {}, {}, kTimeoutMs);
    EXPECT_EQ(options.json().value(QStringLiteral("pageSize")).toInt(), 100) << "rejected options changed nothing";
    EXPECT_TRUE(plain.send("GET", admin(QStringLiteral("faults")), {}, {}, kTimeoutMs).json().value(QStringLiteral("value")).toArray().isEmpty());
}

TEST_F(BadInput, StateSurvivesAllOfItInOneProcess)
{
    // A mix of the abuse above against a process with a state file, then a restart from that file.
    QTemporaryDir dir;
    ASSERT_TRUE(dir.isValid());
    http.reset();
    sandbox->stop();
    SandboxProcess::Options o = defaultOptions();
    o.lroSeconds = QStringLiteral("0.1,0.1,0.1");
    o.stateFile = dir.filePath(QStringLiteral("state.json"));
    const QString oldToken = token;
    ASSERT_NO_FATAL_FAILURE(bootstrap(o));
    http->setBearer(oldToken);
    EXPECT_EQ(get(url(rg(QStringLiteral("iot-prod-rg")), kRes)).status, 401) << "another process, another signing key";
    http->setBearer(token);

    put(url(hub(QStringLiteral("iot-prod-rg"), QStringLiteral("mix-1")), kHub), with(hubBody(), QStringLiteral("properties.routing"), nested(1020)));
    put(url(dps(QStringLiteral("iot-prod-rg"), QStringLiteral("mix-2")), kDps), with(dpsBody(), QStringLiteral("properties.ipFilterRules"), QJsonArray{nested(1020)}));
    put(url(rg(QStringLiteral("mix-rg")), kRes), QByteArray("{\"location\":\"westeurope\",\"tags\":{\"a\":\"\\u0000\\ud800\"}}"));
    put(url(hub(QStringLiteral("iot-prod-rg"), QStringLiteral("mix-3")), kHub), with(hubBody(), QStringLiteral("tags"), QJsonObject{{QString(5000, QLatin1Char('k')), QStringLiteral("v")}}));
    raw(rawRequest("PUT", "/subscriptions/" + sub.toLatin1() + "/resourceGroups/a%00b?api-version=2021-04-01", R"({"location":"westeurope"})"));
    put(url(rg(QStringLiteral("big-rg")), kRes), QByteArray(2 * 1024 * 1024, '['));
    QThread::msleep(300); // let the LROs settle into the state
    get(url(rg(QStringLiteral("iot-prod-rg")), kRes));
    expectHealthy();

    // The state file on disk parses and loads in a new process, with the canaries unchanged.
    http.reset();
    sandbox->stop();
    EXPECT_EQ(sandbox->exitCode(), 0);
    QFile file(o.stateFile);
    ASSERT_TRUE(file.open(QIODevice::ReadOnly));
    QJsonParseError parse;
    QJsonDocument::fromJson(file.readAll(), &parse);
    EXPECT_EQ(parse.error, QJsonParseError::NoError) << "state file: " << parse.errorString().toStdString();
    sandbox = std::make_unique<SandboxProcess>(o);
    QString error;
    ASSERT_TRUE(sandbox->start(&error)) << "restart from the state file: " << error.toStdString();
    http = std::make_unique<HttpClient>(sandbox.get());
    http->setBearer(token); // the signing key is part of the state
    expectHealthy();
    http.reset();
    sandbox->stop();
    sandbox.reset(); // before the temporary directory goes
}

} // namespace
