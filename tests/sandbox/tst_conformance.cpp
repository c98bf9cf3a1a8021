// Conformance of arm-sandbox to the official swagger specs, driven by the spec files themselves.
//
// For every operation the sandbox implements (kCases below) the test reads the operation from its spec
// file at run time, builds the request from the path template and the parameters of its x-ms-example
// (or from minimal generated parameters when the spec has no example file), creates what the request
// needs first (resource group, DPS, hub, ...) through the real HTTP API, sends it to a real arm-sandbox
// process (HTTP and HTTPS) and checks:
//  - the status is one the example lists (or the spec declares, without an example);
//  - the headers the example (or the spec) shows for that status are present;
//  - the body validates against the response schema for that status (SwaggerValidator);
//  - the body has the shape of the example body (fields and JSON types, not values);
//  - long-running operations complete through Azure-AsyncOperation / Location, paged lists follow nextLink;
//  - an error provoked on purpose (the "probe") has the status and body of the operation's `default` response.
// Nothing of the examples is copied here: change the spec files and the test follows.
#include "SandboxFixture.h"
#include "SwaggerValidator.h"

#include <QDeadlineTimer>
#include <QDir>
#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>
#include <QSet>
#include <QTest>
#include <QUrlQuery>
#include <QUuid>

#include <gtest/gtest.h>

#include <iostream>
#include <iterator>
#include <map>
#include <memory>
#include <set>

using namespace Dps::Test;

namespace {

// How the test provokes an error response for an operation.
enum class Probe {
    MissingLeaf,         // the last path parameter names something that does not exist
    InvalidName,         // PUT with a name the naming rules forbid
    EmptyBody,           // POST with {} instead of the required body
    MissingSubscription, // a subscription id that does not exist
    NoToken,             // no Authorization header
};

struct OperationCase
{
    const char *spec; // key into kSpecs
    const char *operationId;
    Probe probe;
};

struct SpecFile
{
    const char *key;
    const char *path; // relative to azureSpecsDir()
    bool resourceProvider; // DPS / IoT Hub: errors raised by ARM itself are not the RP's `default` shape
};

const SpecFile kSpecs[] = {
    {"dps", "specification/deviceprovisioningservices/resource-manager/Microsoft.Devices/DeviceProvisioningServices/stable/2022-12-12/iotdps.json", true},
    {"hub", "specification/iothub/resource-manager/Microsoft.Devices/stable/2023-06-30/iothub.json", true},
    {"resources", "specification/resources/resource-manager/Microsoft.Resources/resources/stable/2021-04-01/resources.json", false},
    {"subscriptions", "specification/resources/resource-manager/Microsoft.Resources/subscriptions/stable/2022-12-01/subscriptions.json", false},
};

// The operations arm-sandbox implements.
const OperationCase kCases[] = {
    {"dps", "IotDpsResource_CreateOrUpdate", Probe::InvalidName},
    {"dps", "IotDpsResource_Get", Probe::MissingLeaf},
    {"dps", "IotDpsResource_Update", Probe::MissingLeaf},
    {"dps", "IotDpsResource_Delete", Probe::MissingLeaf},
    {"dps", "IotDpsResource_ListBySubscription", Probe::MissingSubscription},
    {"dps", "IotDpsResource_ListByResourceGroup", Probe::MissingLeaf},
    {"dps", "IotDpsResource_CheckProvisioningServiceNameAvailability", Probe::EmptyBody},
    {"dps", "IotDpsResource_ListKeys", Probe::MissingLeaf},
    {"dps", "IotDpsResource_ListKeysForKeyName", Probe::MissingLeaf},
    {"dps", "IotDpsResource_listValidSkus", Probe::MissingLeaf},
    {"dps", "IotDpsResource_GetOperationResult", Probe::MissingLeaf},
    {"hub", "IotHubResource_CreateOrUpdate", Probe::InvalidName},
    {"hub", "IotHubResource_Get", Probe::MissingLeaf},
    {"hub", "IotHubResource_Update", Probe::MissingLeaf},
    {"hub", "IotHubResource_Delete", Probe::MissingLeaf},
    {"hub", "IotHubResource_ListBySubscription", Probe::MissingSubscription},
    {"hub", "IotHubResource_ListByResourceGroup", Probe::MissingLeaf},
    {"hub", "IotHubResource_CheckNameAvailability", Probe::EmptyBody},
    {"hub", "IotHubResource_ListKeys", Probe::MissingLeaf},
    {"hub", "IotHubResource_GetKeysForKeyName", Probe::MissingLeaf},
    {"hub", "IotHubResource_GetValidSkus", Probe::MissingLeaf},
    {"resources", "ResourceGroups_CheckExistence", Probe::MissingLeaf},
    {"resources", "ResourceGroups_CreateOrUpdate", Probe::InvalidName},
    {"resources", "ResourceGroups_Get", Probe::MissingLeaf},
    {"resources", "ResourceGroups_Delete", Probe::MissingLeaf},
    {"resources", "ResourceGroups_List", Probe::MissingSubscription},
    {"resources", "Providers_Get", Probe::MissingLeaf},
    {"resources", "Providers_Register", Probe::MissingLeaf},
    {"resources", "Providers_List", Probe::MissingSubscription},
    {"subscriptions", "Subscriptions_List", Probe::NoToken},
    {"subscriptions", "Subscriptions_Get", Probe::MissingSubscription},
    {"subscriptions", "Subscriptions_ListLocations", Probe::MissingSubscription},
    {"subscriptions", "Tenants_List", Probe::NoToken},
};

struct ConformanceParam
{
    OperationCase op;
    bool tls;
};

void PrintTo(const ConformanceParam &p, std::ostream *os)
{
    *os << (p.tls ? "https " : "http ") << p.op.operationId;
}

const SpecFile &specFile(const QString &key)
{
    for (const auto &s : kSpecs) {
        if (key == QLatin1String(s.key))
            return s;
    }
    static const SpecFile none{"", "", false};
    return none;
}

// Specs are read once per process (the validator caches the files it loads).
const SwaggerValidator &validator(const QString &key)
{
    static std::map<QString, std::unique_ptr<SwaggerValidator>> cache;
    auto it = cache.find(key);
    if (it != cache.end())
        return *it->second;
    auto v = std::make_unique<SwaggerValidator>();
    QString error;
    if (!v->load(QDir(azureSpecsDir()).filePath(QString::fromLatin1(specFile(key).path)), &error))
        ADD_FAILURE() << "cannot load spec " << key.toStdString() << ": " << error.toStdString();
    return *cache.emplace(key, std::move(v)).first->second;
}

QString compact(const QJsonValue &v)
{
    if (v.isObject())
        return QString::fromUtf8(QJsonDocument(v.toObject()).toJson(QJsonDocument::Compact));
    if (v.isArray())
        return QString::fromUtf8(QJsonDocument(v.toArray()).toJson(QJsonDocument::Compact));
    if (v.isString())
        return v.toString();
    if (v.isDouble()) {
        const double d = v.toDouble();
        return d == double(qint64(d)) ? QString::number(qint64(d)) : QString::number(d, 'g', 17);
    }
    if (v.isBool())
        return v.toBool() ? QStringLiteral("true") : QStringLiteral("false");
    return QStringLiteral("null");
}

QString snippet(const QByteArray &body, int max = 400)
{
    QString s = QString::fromUtf8(body).simplified();
    if (s.size() > max)
        s = s.left(max) + QStringLiteral("...");
    return s.isEmpty() ? QStringLiteral("<empty>") : s;
}

QJsonValue replaceStrings(const QJsonValue &v, const QString &from, const QString &to)
{
    if (from.isEmpty())
        return v;
    if (v.isString())
        return QJsonValue(QString(v.toString()).replace(from, to, Qt::CaseInsensitive));
    if (v.isArray()) {
        QJsonArray out;
        for (const auto &e : v.toArray())
            out.append(replaceStrings(e, from, to));
        return out;
    }
    if (v.isObject()) {
        QJsonObject out;
        const QJsonObject in = v.toObject();
        for (auto it = in.constBegin(); it != in.constEnd(); ++it)
            out.insert(it.key(), replaceStrings(it.value(), from, to));
        return out;
    }
    return v;
}

QString jsonType(const QJsonValue &v)
{
    switch (v.type()) {
    case QJsonValue::Null: return QStringLiteral("null");
    case QJsonValue::Bool: return QStringLiteral("boolean");
    case QJsonValue::Double: return QStringLiteral("number");
    case QJsonValue::String: return QStringLiteral("string");
    case QJsonValue::Array: return QStringLiteral("array");
    case QJsonValue::Object: return QStringLiteral("object");
    case QJsonValue::Undefined: break;
    }
    return QStringLiteral("missing");
}

// The fields present in every element of an example array (an element-wise optional field is optional).
QJsonValue arrayTemplate(const QJsonArray &array)
{
    if (array.isEmpty())
        return {};
    QJsonValue first = array.first();
    if (!first.isObject())
        return first;
    QJsonObject common = first.toObject();
    for (const auto &e : array) {
        const QJsonObject o = e.toObject();
        for (const QString &key : common.keys()) {
            if (!o.contains(key) || o.value(key).isNull())
                common.remove(key);
        }
    }
    return common;
}

// Compares the shape (field names and JSON types) of an example body with a real body. Keys of maps
// (additionalProperties, e.g. tags) are data, not shape: only declared properties count as missing.
void compareShape(const SwaggerValidator &v, const SwaggerSchema &schema, const QJsonValue &example,
                  const QJsonValue &actual, const QString &path, QSet<QString> *missing, QSet<QString> *mismatched)
{
    if (example.isNull() || example.isUndefined())
        return;
    if (actual.isUndefined()) {
        missing->insert(path);
        return;
    }
    if (example.type() != actual.type()) {
        mismatched->insert(QStringLiteral("%1: the example has %2, the sandbox %3 (%4)")
                               .arg(path, jsonType(example), jsonType(actual), compact(actual).left(80)));
        return;
    }
    if (example.isObject()) {
        const QJsonObject e = example.toObject();
        const QJsonObject a = actual.toObject();
        for (auto it = e.constBegin(); it != e.constEnd(); ++it) {
            bool declared = false;
            const SwaggerSchema member = schema.isNull() ? SwaggerSchema() : v.memberSchema(schema, it.key(), &declared);
            if (!a.contains(it.key())) {
                if (declared || schema.isNull())
                    missing->insert(jsonPathChild(path, it.key()));
                continue;
            }
            compareShape(v, member, it.value(), a.value(it.key()), jsonPathChild(path, it.key()), missing, mismatched);
        }
    } else if (example.isArray()) {
        const QJsonValue tmpl = arrayTemplate(example.toArray());
        if (tmpl.isUndefined())
            return;
        const SwaggerSchema items = schema.isNull() ? SwaggerSchema() : v.itemsSchema(schema);
        for (const auto &element : actual.toArray())
            compareShape(v, items, tmpl, element, path + QStringLiteral("[*]"), missing, mismatched);
    }
}

// Coverage summary, printed once at the end of the run.
struct Coverage
{
    std::set<std::string> operations;
    std::set<std::string> withExample;
    std::set<std::string> generated;
    std::set<std::string> failed;
    int httpRuns = 0;
    int httpsRuns = 0;
};

Coverage &coverage()
{
    static Coverage c;
    return c;
}

class CoverageSummary : public ::testing::Environment
{
public:
    void TearDown() override
    {
        const Coverage &c = coverage();
        if (c.operations.empty())
            return;
        std::cout << "[ COVERAGE ] " << c.operations.size() << " of " << std::size(kCases)
                  << " listed operations exercised (" << c.withExample.size() << " from an official x-ms-example, "
                  << c.generated.size() << " with generated parameters); " << c.httpRuns << " runs over HTTP, "
                  << c.httpsRuns << " over HTTPS; " << c.failed.size() << " operation(s) with conformance failures";
        for (const auto &f : c.failed)
            std::cout << "\n[ COVERAGE ]   failing: " << f;
        std::cout << std::endl;
    }
};

[[maybe_unused]] ::testing::Environment *const kCoverageEnvironment =
    ::testing::AddGlobalTestEnvironment(new CoverageSummary);

// A request built from an operation: values per parameter location.
struct Call
{
    QMap<QString, QString> path;
    QList<QPair<QString, QString>> query;
    QList<QPair<QByteArray, QByteArray>> headers;
    bool hasBody = false;
    QJsonValue body;

    QString queryValue(const QString &name) const
    {
        for (const auto &q : query) {
            if (q.first == name)
                return q.second;
        }
        return {};
    }
    void setQuery(const QString &name, const QString &value)
    {
        for (auto &q : query) {
            if (q.first == name) {
                q.second = value;
                return;
            }
        }
        query.append({name, value});
    }
};

QStringList templateParameters(const QString &pathTemplate)
{
    QStringList out;
    static const QRegularExpression re(QStringLiteral(R"(\{([^}]+)\})"));
    auto it = re.globalMatch(pathTemplate);
    while (it.hasNext())
        out << it.next().captured(1);
    return out;
}

// Matches a concrete path against a swagger path template (case-insensitively, as ARM does).
bool matchTemplate(const QString &pathTemplate, const QString &path, QMap<QString, QString> *values)
{
    QString pattern = QStringLiteral("^");
    QStringList names;
    static const QRegularExpression re(QStringLiteral(R"(\{([^}]+)\})"));
    int last = 0;
    auto it = re.globalMatch(pathTemplate);
    while (it.hasNext()) {
        const auto m = it.next();
        pattern += QRegularExpression::escape(pathTemplate.mid(last, m.capturedStart() - last));
        pattern += QStringLiteral("([^/]+)");
        names << m.captured(1);
        last = m.capturedEnd();
    }
    pattern += QRegularExpression::escape(pathTemplate.mid(last)) + QStringLiteral("/?$");
    const QRegularExpression full(pattern, QRegularExpression::CaseInsensitiveOption);
    const auto m = full.match(path);
    if (!m.hasMatch())
        return false;
    if (values) {
        for (int i = 0; i < names.size(); ++i)
            values->insert(names.at(i), QUrl::fromPercentEncoding(m.captured(i + 1).toUtf8()));
    }
    return true;
}

QJsonValue generateFromSchema(const SwaggerValidator &v, const SwaggerSchema &schema, int depth = 0)
{
    const SwaggerSchema s = v.resolve(schema);
    if (s.isNull() || depth > 8)
        return QJsonObject();
    QString type = s.json.value(QStringLiteral("type")).toString();
    const QJsonArray enumValues = s.json.value(QStringLiteral("enum")).toArray();
    if (!enumValues.isEmpty())
        return enumValues.first();
    if (type.isEmpty() && (s.json.contains(QStringLiteral("properties")) || s.json.contains(QStringLiteral("allOf"))))
        type = QStringLiteral("object");
    if (type == QLatin1String("object")) {
        QJsonObject out;
        // required properties of the schema and of its allOf members
        QList<SwaggerSchema> parts{s};
        for (const auto &a : s.json.value(QStringLiteral("allOf")).toArray())
            parts << v.resolve(SwaggerSchema{s.file, a.toObject()});
        QJsonObject props;
        QStringList required;
        for (const auto &p : parts) {
            const QJsonObject pp = p.json.value(QStringLiteral("properties")).toObject();
            for (auto it = pp.constBegin(); it != pp.constEnd(); ++it) {
                QJsonObject withFile = it.value().toObject();
                props.insert(it.key(), QJsonObject{{QStringLiteral("file"), p.file}, {QStringLiteral("schema"), withFile}});
            }
            for (const auto &r : p.json.value(QStringLiteral("required")).toArray())
                required << r.toString();
        }
        for (const QString &name : required) {
            const QJsonObject entry = props.value(name).toObject();
            out.insert(name, generateFromSchema(v, SwaggerSchema{entry.value(QStringLiteral("file")).toString(),
                                                                 entry.value(QStringLiteral("schema")).toObject()}, depth + 1));
        }
        return out;
    }
    if (type == QLatin1String("array"))
        return QJsonArray();
    if (type == QLatin1String("integer") || type == QLatin1String("number"))
        return 1;
    if (type == QLatin1String("boolean"))
        return false;
    return QStringLiteral("conformance");
}

class Conformance : public ::testing::TestWithParam<ConformanceParam>
{
protected:
    void SetUp() override
    {
        SandboxProcess::Options options;
        options.world = QStringLiteral("empty");
        options.tls = GetParam().tls;
        options.lroSeconds = QStringLiteral("0.2,0.2,0.2");
        options.pageSize = 1; // every list with two or more items pages, so nextLink gets exercised
        options.extraArgs = {QStringLiteral("--register-seconds"), QStringLiteral("0.2")};
        m_sandbox = std::make_unique<SandboxProcess>(options);
        QString error;
        ASSERT_TRUE(m_sandbox->start(&error)) << error.toStdString();
        if (GetParam().tls) {
            ASSERT_EQ(m_sandbox->baseUrl().scheme(), QStringLiteral("https"));
        }
        m_http = std::make_unique<HttpClient>(m_sandbox.get());
        const QString token = m_http->servicePrincipalToken();
        ASSERT_FALSE(token.isEmpty()) << "no token from the sandbox's Entra endpoint (client credentials)";
        m_http->setBearer(token);
        m_subscriptionId = m_sandbox->subscriptionId();
        ASSERT_FALSE(m_subscriptionId.isEmpty());
    }

    void TearDown() override
    {
        if (HasFailure())
            coverage().failed.insert(GetParam().op.operationId);
        for (const auto &n : m_notes)
            std::cout << "[   NOTE   ] " << n.toStdString() << std::endl;
        if (m_sandbox)
            m_sandbox->stop();
    }

    QString label() const { return QString::fromLatin1(GetParam().op.operationId); }
    bool isRpSpec(const QString &spec) const { return specFile(spec).resourceProvider; }
    void note(const QString &text) { m_notes << text; }

    // A conformance finding: a test failure (fatal) or a printed note.
    void report(bool fatal, const QString &context, const QString &message)
    {
        if (fatal) {
            ADD_FAILURE() << context.toStdString() << " " << message.toStdString();
        } else {
            note(context + QStringLiteral(" (not fatal) ") + message);
        }
    }

    // ---------------------------------------------------------------------------------------------
    // Building and sending requests

    QString generatedValue(const QString &spec, const SwaggerParameter &p)
    {
        if (p.name == QLatin1String("resourceGroupName"))
            return QStringLiteral("conformance-rg");
        if (p.name == QLatin1String("provisioningServiceName"))
            return QStringLiteral("conformance-dps");
        if (p.name == QLatin1String("resourceName"))
            return spec == QLatin1String("hub") ? QStringLiteral("conformance-hub") : QStringLiteral("conformance-dps");
        if (p.name == QLatin1String("resourceProviderNamespace"))
            return QStringLiteral("Microsoft.Devices");
        if (p.name == QLatin1String("keyName"))
            return spec == QLatin1String("hub") ? QStringLiteral("iothubowner") : QStringLiteral("provisioningserviceowner");
        if (!p.defaultValue.isUndefined() && !p.defaultValue.isNull())
            return compact(p.defaultValue);
        const QJsonArray enumValues = p.json.value(QStringLiteral("enum")).toArray();
        if (!enumValues.isEmpty())
            return compact(enumValues.first());
        return QStringLiteral("conformance");
    }

    // Parameters of `op` from the example (subscription id replaced by the sandbox's), overridden by
    // `overrides` (parameter name -> value; "$body" for the body; an Undefined value drops it), else generated.
    Call buildCall(const QString &spec, const SwaggerOperation &op, const SwaggerExample *example,
                   const QMap<QString, QJsonValue> &overrides = {}, bool quiet = false)
    {
        const SwaggerValidator &v = validator(spec);
        const QJsonObject params = example ? example->parameters : QJsonObject();
        const QString exampleSub = params.value(QStringLiteral("subscriptionId")).toString();
        Call call;
        for (const SwaggerParameter &p : op.parameters) {
            const bool isBody = p.in == QLatin1String("body");
            QJsonValue value(QJsonValue::Undefined);
            if (overrides.contains(p.name))
                value = overrides.value(p.name);
            else if (isBody && overrides.contains(QStringLiteral("$body")))
                value = overrides.value(QStringLiteral("$body"));
            else if (p.in == QLatin1String("path") && p.name == QLatin1String("subscriptionId"))
                value = m_subscriptionId;
            else if (params.contains(p.name))
                value = params.value(p.name);
            else if (p.in == QLatin1String("query") && p.name == QLatin1String("api-version"))
                value = v.apiVersion();
            else if (p.required) {
                value = isBody ? generateFromSchema(v, p.schema) : QJsonValue(generatedValue(spec, p));
                if (!quiet)
                    note(QStringLiteral("%1: generated %2 parameter %3 = %4").arg(op.operationId, p.in, p.name, compact(value)));
            }
            if (value.isUndefined())
                continue;
            if (p.in == QLatin1String("path")) {
                call.path.insert(p.name, compact(value));
            } else if (p.in == QLatin1String("query")) {
                call.query.append({p.name, compact(value)});
            } else if (p.in == QLatin1String("header")) {
                call.headers.append({p.name.toLatin1(), compact(value).toUtf8()});
            } else if (isBody) {
                call.hasBody = true;
                call.body = replaceStrings(value, exampleSub, m_subscriptionId);
            }
        }
        // The example's location may be one the subscription does not offer (e.g. a canary region).
        if (call.hasBody && call.body.isObject() && call.body.toObject().value(QStringLiteral("location")).isString()) {
            QJsonObject body = call.body.toObject();
            const QString location = body.value(QStringLiteral("location")).toString();
            const QString offered = offeredLocation(location);
            if (!offered.isEmpty() && offered != location) {
                body.insert(QStringLiteral("location"), offered);
                call.body = body;
                if (!quiet)
                    note(QStringLiteral("%1: the example's location \"%2\" is not offered to the sandbox subscription; using \"%3\"")
                             .arg(op.operationId, location, offered));
            }
        }
        return call;
    }

    QUrl urlFor(const SwaggerOperation &op, const Call &call) const
    {
        QString path = op.pathTemplate;
        for (auto it = call.path.constBegin(); it != call.path.constEnd(); ++it)
            path.replace(QLatin1Char('{') + it.key() + QLatin1Char('}'), it.value());
        QUrl url = m_sandbox->baseUrl();
        url.setPath(path, QUrl::DecodedMode);
        QUrlQuery query;
        for (const auto &q : call.query)
            query.addQueryItem(q.first, q.second);
        url.setQuery(query);
        return url;
    }

    HttpResult send(const QByteArray &method, const QUrl &url, const Call *call = nullptr, bool withToken = true)
    {
        QList<QPair<QByteArray, QByteArray>> headers;
        QByteArray body;
        if (call) {
            headers = call->headers;
            if (call->hasBody) {
                body = call->body.isObject() ? QJsonDocument(call->body.toObject()).toJson(QJsonDocument::Compact)
                                             : QJsonDocument(call->body.toArray()).toJson(QJsonDocument::Compact);
                headers.append(qMakePair(QByteArray("Content-Type"), QByteArray("application/json")));
            }
        }
        const QString saved = m_http->bearer();
        if (!withToken)
            m_http->setBearer(QString());
        HttpResult r = m_http->send(method, url, body, headers);
        m_http->setBearer(saved);
        return r;
    }

    HttpResult send(const SwaggerOperation &op, const Call &call, bool withToken = true)
    {
        return send(op.method.toLatin1(), urlFor(op, call), &call, withToken);
    }

    SwaggerOperation operation(const QString &spec, const QString &operationId)
    {
        const auto op = validator(spec).operation(operationId);
        if (!op) {
            ADD_FAILURE() << operationId.toStdString() << " is not in the " << spec.toStdString() << " spec";
            return {};
        }
        return *op;
    }

    // Sends `operationId` with its example's parameters and `overrides` (used for prerequisites).
    HttpResult invoke(const QString &spec, const QString &operationId, const QMap<QString, QJsonValue> &overrides = {})
    {
        const SwaggerOperation op = operation(spec, operationId);
        return send(op, buildCall(spec, op, op.firstLoadedExample(), overrides, true));
    }

    // ---------------------------------------------------------------------------------------------
    // World state the requests need, created through the API

    // "" when the subscription's locations can't be read; else the location itself when offered, or the first one.
    QString offeredLocation(const QString &location)
    {
        if (!m_locationsLoaded) {
            m_locationsLoaded = true;
            const SwaggerOperation op = operation(QStringLiteral("subscriptions"), QStringLiteral("Subscriptions_ListLocations"));
            Call call;
            call.path.insert(QStringLiteral("subscriptionId"), m_subscriptionId);
            call.query.append({QStringLiteral("api-version"), validator(QStringLiteral("subscriptions")).apiVersion()});
            const HttpResult r = send(op, call);
            for (const auto &l : r.json().value(QStringLiteral("value")).toArray()) {
                const QJsonObject o = l.toObject();
                m_locations << o.value(QStringLiteral("name")).toString();
                m_locationDisplayNames << o.value(QStringLiteral("displayName")).toString();
            }
        }
        if (m_locations.isEmpty())
            return {};
        const auto norm = [](QString s) { return s.remove(QLatin1Char(' ')).toLower(); };
        for (int i = 0; i < m_locations.size(); ++i) {
            if (norm(m_locations.at(i)) == norm(location) || norm(m_locationDisplayNames.value(i)) == norm(location))
                return location;
        }
        return m_locations.contains(QStringLiteral("eastus")) ? QStringLiteral("eastus") : m_locations.first();
    }

    [[nodiscard]] bool ensureResourceGroup(const QString &name)
    {
        if (m_groups.contains(name.toLower()))
            return true;
        const HttpResult r = invoke(QStringLiteral("resources"), QStringLiteral("ResourceGroups_CreateOrUpdate"),
                                    {{QStringLiteral("resourceGroupName"), name},
                                     {QStringLiteral("$body"), QJsonObject{{QStringLiteral("location"), QStringLiteral("eastus")}}}});
        if (r.status != 200 && r.status != 201) {
            ADD_FAILURE() << "prerequisite: PUT resource group " << name.toStdString() << " answered " << r.status << ": "
                          << snippet(r.body).toStdString();
            return false;
        }
        m_groups.insert(name.toLower());
        return true;
    }

    static QString nameParameter(const QString &spec)
    {
        return spec == QLatin1String("dps") ? QStringLiteral("provisioningServiceName") : QStringLiteral("resourceName");
    }
    static QString createOperationId(const QString &spec)
    {
        return spec == QLatin1String("dps") ? QStringLiteral("IotDpsResource_CreateOrUpdate") : QStringLiteral("IotHubResource_CreateOrUpdate");
    }
    static QString getOperationId(const QString &spec)
    {
        return spec == QLatin1String("dps") ? QStringLiteral("IotDpsResource_Get") : QStringLiteral("IotHubResource_Get");
    }

    // A DPS or hub exists: PUT with the create example's body (unless it is already there), wait for the LRO.
    [[nodiscard]] bool ensureResource(const QString &spec, const QString &rg, const QString &name)
    {
        const SwaggerOperation get = operation(spec, getOperationId(spec));
        const QMap<QString, QJsonValue> names{{QStringLiteral("resourceGroupName"), rg}, {nameParameter(spec), name}};
        if (send(get, buildCall(spec, get, nullptr, names, true)).status == 200)
            return true;
        if (!ensureResourceGroup(rg))
            return false;
        const SwaggerOperation create = operation(spec, createOperationId(spec));
        const Call call = buildCall(spec, create, create.firstLoadedExample(), names, true);
        const HttpResult r = send(create, call);
        if (r.status != 200 && r.status != 201) {
            ADD_FAILURE() << "prerequisite: PUT " << urlFor(create, call).path().toStdString() << " (body of the "
                          << (create.firstLoadedExample() ? create.firstLoadedExample()->name.toStdString() : std::string("generated"))
                          << " example) answered " << r.status << ": " << snippet(r.body).toStdString();
            return false;
        }
        m_lastCreate = r;
        QString status;
        if (!completeLro(r, QStringLiteral("[prerequisite create %1]").arg(name), true, &status)) {
            ADD_FAILURE() << "prerequisite: the create LRO of " << name.toStdString() << " ended " << status.toStdString();
            return false;
        }
        return true;
    }

    // The DPS has a shared access policy `keyName` (GET, add the policy to properties.authorizationPolicies, PUT).
    // Every policy of a DPS: listkeys and all its pages (nextLink followed with POST, like the call itself).
    QJsonArray allDpsPolicies(const QString &spec, const QMap<QString, QJsonValue> &names)
    {
        QJsonArray policies;
        HttpResult page = invoke(spec, QStringLiteral("IotDpsResource_ListKeys"), names);
        for (int guard = 0; guard < 100; ++guard) {
            for (const auto &k : page.json().value(QStringLiteral("value")).toArray())
                policies.append(k);
            const QString next = page.json().value(QStringLiteral("nextLink")).toString();
            if (next.isEmpty())
                break;
            page = m_http->send("POST", QUrl(next));
        }
        return policies;
    }

    [[nodiscard]] bool ensureDpsPolicy(const QString &rg, const QString &name, const QString &keyName, const QString &rights)
    {
        const QString spec = QStringLiteral("dps");
        const QMap<QString, QJsonValue> names{{QStringLiteral("resourceGroupName"), rg}, {nameParameter(spec), name}};
        QJsonArray policies = allDpsPolicies(spec, names);
        for (const auto &k : std::as_const(policies)) {
            if (k.toObject().value(QStringLiteral("keyName")).toString() == keyName)
                return true;
        }
        const SwaggerOperation get = operation(spec, getOperationId(spec));
        const HttpResult current = send(get, buildCall(spec, get, nullptr, names, true));
        if (current.status != 200) {
            ADD_FAILURE() << "prerequisite: GET DPS answered " << current.status;
            return false;
        }
        QJsonObject body = validator(spec).stripReadOnly(current.json(), get.response(QStringLiteral("200"))->schema).toObject();
        QJsonObject props = body.value(QStringLiteral("properties")).toObject();
        policies.append(QJsonObject{{QStringLiteral("keyName"), keyName}, {QStringLiteral("rights"), rights}});
        props.insert(QStringLiteral("authorizationPolicies"), policies);
        body.insert(QStringLiteral("properties"), props);
        QMap<QString, QJsonValue> put = names;
        put.insert(QStringLiteral("$body"), body);
        const HttpResult r = invoke(spec, createOperationId(spec), put);
        QString status;
        if ((r.status != 200 && r.status != 201) || !completeLro(r, QStringLiteral("[prerequisite policy]"), true, &status)) {
            ADD_FAILURE() << "prerequisite: adding the policy " << keyName.toStdString() << " with a PUT of the DPS answered "
                          << r.status << " " << status.toStdString() << ": " << snippet(r.body).toStdString();
            return false;
        }
        const QJsonArray after = allDpsPolicies(spec, names);
        for (const auto &k : after) {
            if (k.toObject().value(QStringLiteral("keyName")).toString() == keyName)
                return true;
        }
        ADD_FAILURE() << "prerequisite: a PUT of the DPS with properties.authorizationPolicies "
                      << compact(policies).toStdString() << " answered " << r.status << " and its LRO ended "
                      << status.toStdString() << ", but listkeys then shows no policy '" << keyName.toStdString()
                      << "' (the CLI's `az iot dps policy create` adds a policy exactly this way): " << compact(after).toStdString();
        return false;
    }

    // ---------------------------------------------------------------------------------------------
    // Long-running operations and paging

    // The spec operation whose GET route matches `url` (e.g. the DPS operationresults route), if any.
    std::optional<std::pair<QString, SwaggerOperation>> routeFor(const QUrl &url)
    {
        for (const auto &s : kSpecs) {
            for (const auto &op : validator(QString::fromLatin1(s.key)).operations()) {
                if (op.method == QLatin1String("GET") && matchTemplate(op.pathTemplate, url.path(), nullptr))
                    return std::make_pair(QString::fromLatin1(s.key), op);
            }
        }
        return std::nullopt;
    }

    // Polls Azure-AsyncOperation (preferred) or Location until the operation ends. True when there was
    // nothing to poll or it ended Succeeded.
    bool completeLro(const HttpResult &start, const QString &context, bool fatal, QString *finalStatus = nullptr)
    {
        const QByteArray asyncHeader = start.header("Azure-AsyncOperation");
        const QByteArray locationHeader = start.header("Location");
        if (asyncHeader.isEmpty() && locationHeader.isEmpty())
            return true;
        const QByteArray retryAfter = start.header("Retry-After");
        if (!retryAfter.isEmpty()) {
            bool ok = false;
            retryAfter.trimmed().toInt(&ok);
            if (!ok)
                report(fatal, context, QStringLiteral("Retry-After \"%1\" is not an integer number of seconds").arg(QString::fromLatin1(retryAfter)));
        }
        const bool useAsync = !asyncHeader.isEmpty();
        QUrl url(QString::fromUtf8(useAsync ? asyncHeader : locationHeader));
        if (url.isRelative())
            url = m_sandbox->baseUrl().resolved(url);
        const auto route = routeFor(url);
        QDeadlineTimer deadline(20000);
        while (!deadline.hasExpired()) {
            QTest::qWait(100);
            const HttpResult r = send("GET", url);
            if (useAsync) {
                if (r.status != 200) {
                    report(fatal, context, QStringLiteral("polling Azure-AsyncOperation %1 answered %2 (expected 200): %3")
                                               .arg(url.toString(), QString::number(r.status), snippet(r.body)));
                    return false;
                }
                const QJsonObject body = r.json();
                if (route && route->second.response(QStringLiteral("200"))) {
                    const auto result = validator(route->first).validateBody(r.body, route->second.response(QStringLiteral("200"))->schema);
                    if (!result.ok())
                        report(fatal, context, QStringLiteral("the async status body does not validate against %1 200:\n    %2")
                                                   .arg(route->second.operationId, result.errors.join(QStringLiteral("\n    "))));
                }
                if (!body.value(QStringLiteral("status")).isString()) {
                    report(fatal, context, QStringLiteral("the async status body has no string `status`: %1").arg(snippet(r.body)));
                    return false;
                }
                const QString status = body.value(QStringLiteral("status")).toString();
                if (finalStatus)
                    *finalStatus = status;
                if (status == QLatin1String("Succeeded"))
                    return true;
                if (status == QLatin1String("Failed") || status == QLatin1String("Canceled")) {
                    report(fatal, context, QStringLiteral("the operation ended %1: %2").arg(status, snippet(r.body)));
                    return false;
                }
            } else {
                if (r.status == 202)
                    continue;
                if (finalStatus)
                    *finalStatus = QString::number(r.status);
                if (r.status >= 200 && r.status < 300)
                    return true;
                report(fatal, context, QStringLiteral("polling Location %1 ended with %2: %3").arg(url.toString(), QString::number(r.status), snippet(r.body)));
                return false;
            }
        }
        report(fatal, context, QStringLiteral("the operation did not end within 20 s (%1)").arg(url.toString()));
        return false;
    }

    // Follows nextLink (with the operation's method) and validates every page.
    void followPages(const QString &spec, const SwaggerOperation &op, const QJsonObject &firstPage,
                     const SwaggerSchema &schema, const QString &context, int *items)
    {
        const SwaggerValidator &v = validator(spec);
        QJsonObject page = firstPage;
        QSet<QString> seen;
        for (const auto &item : page.value(QStringLiteral("value")).toArray())
            m_listItems.append(item);
        *items = page.value(QStringLiteral("value")).toArray().size();
        for (int n = 0; n < 100; ++n) {
            const QString link = page.value(op.nextLinkName).toString();
            if (link.isEmpty())
                return;
            if (seen.contains(link)) {
                report(true, context, QStringLiteral("nextLink repeats itself: %1").arg(link));
                return;
            }
            seen.insert(link);
            QUrl url(link);
            if (url.isRelative()) {
                report(true, context, QStringLiteral("nextLink must be an absolute URL: %1").arg(link));
                url = m_sandbox->baseUrl().resolved(url);
            }
            if (!QUrlQuery(url).hasQueryItem(QStringLiteral("api-version")))
                report(true, context, QStringLiteral("nextLink has no api-version: %1").arg(link));
            const HttpResult r = send(op.method == QLatin1String("POST") ? QByteArray("POST") : QByteArray("GET"), url);
            if (r.status != 200) {
                report(true, context, QStringLiteral("page %1 (%2) answered %3: %4").arg(n + 2).arg(link).arg(r.status).arg(snippet(r.body)));
                return;
            }
            const auto result = v.validateBody(r.body, schema);
            if (!result.ok())
                report(true, context, QStringLiteral("page %1 does not validate:\n    %2").arg(n + 2).arg(result.errors.join(QStringLiteral("\n    "))));
            page = r.json();
            for (const auto &item : page.value(QStringLiteral("value")).toArray())
                m_listItems.append(item);
            *items += page.value(QStringLiteral("value")).toArray().size();
        }
        report(true, context, QStringLiteral("more than 100 pages"));
    }

    // ---------------------------------------------------------------------------------------------
    // Checking one response against the spec

    struct Checked
    {
        bool statusOk = false;
        QString schemaName;
    };

    static QString schemaName(const SwaggerSchema &schema)
    {
        const QString ref = schema.json.value(QStringLiteral("$ref")).toString();
        return ref.isEmpty() ? QStringLiteral("<inline schema>") : ref.section(QLatin1Char('/'), -1);
    }

    Checked checkResponse(const QString &spec, const SwaggerOperation &op, const SwaggerExample *example,
                          const HttpResult &r, const QString &context, bool probe, bool fatal,
                          const QStringList &allowedOverride = {})
    {
        const SwaggerValidator &v = validator(spec);
        Checked checked;
        if (r.status == 0) {
            report(true, context, QStringLiteral("no HTTP response: %1").arg(r.errorString));
            return checked;
        }
        const QString status = QString::number(r.status);
        QStringList allowed = allowedOverride;
        if (allowed.isEmpty())
            allowed = example ? example->responses.keys() : op.declaredStatuses();
        if (!probe) {
            checked.statusOk = allowed.contains(status);
            if (!checked.statusOk)
                report(fatal, context, QStringLiteral("status %1 is not one the %2 lists [%3]; body: %4")
                                           .arg(status, example ? QStringLiteral("example %1").arg(example->name) : QStringLiteral("spec"),
                                                allowed.join(QStringLiteral(", ")), snippet(r.body)));
        } else {
            checked.statusOk = r.status >= 400 || op.responses.contains(status);
            if (!checked.statusOk)
                report(fatal, context, QStringLiteral("expected an error status, got %1: %2").arg(status, snippet(r.body)));
        }

        // Headers the example or the spec shows for this status.
        if (!probe) {
            QStringList expected;
            if (example) {
                for (const QString &h : example->responses.value(status).value(QStringLiteral("headers")).toObject().keys())
                    expected << h;
            }
            if (const SwaggerResponse *declared = op.response(status)) {
                for (const QString &h : declared->headers.keys()) {
                    if (!expected.contains(h, Qt::CaseInsensitive))
                        expected << h;
                }
            }
            for (const QString &h : expected) {
                if (r.header(h.toLatin1()).isEmpty())
                    report(fatal, context, QStringLiteral("status %1 lacks the response header %2 that the %3 shows")
                                               .arg(status, h, example ? QStringLiteral("example") : QStringLiteral("spec")));
            }
        }

        // Body against the schema for this status (errors: the `default` schema, strictly).
        const SwaggerResponse *response = op.response(status);
        if (!response && r.status >= 400)
            response = op.response(QStringLiteral("default"));
        if (response && !response->schema.isNull() && op.method != QLatin1String("HEAD")) {
            checked.schemaName = schemaName(response->schema);
            if (r.body.trimmed().isEmpty()) {
                report(fatal, context, QStringLiteral("status %1 has no body, but the spec declares %2 for it").arg(status, checked.schemaName));
            } else {
                SwaggerValidator::Options options;
                options.unknownPropertiesAreErrors = r.status >= 400;
                const auto result = v.validateBody(r.body, response->schema, options);
                if (!result.ok())
                    report(fatal, context, QStringLiteral("status %1 body does not validate against %2 (%3 response):\n    %4\n  body: %5")
                                               .arg(status, checked.schemaName, response->status,
                                                    result.errors.join(QStringLiteral("\n    ")), snippet(r.body, 600)));
                for (const auto &w : result.warnings)
                    note(context + QStringLiteral(" validator warning: ") + w);
            }
        }

        if (probe || r.status >= 300)
            return checked;

        // Paging.
        const QJsonObject body = r.json();
        if (!op.pageable || op.nextLinkName.isEmpty()) {
            if (body.contains(QStringLiteral("nextLink")) && !body.value(QStringLiteral("nextLink")).isNull())
                report(fatal, context, QStringLiteral("the spec says this list is not paged (x-ms-pageable nextLinkName %1), but it returned nextLink %2")
                                           .arg(op.pageable ? QStringLiteral("null") : QStringLiteral("absent"), body.value(QStringLiteral("nextLink")).toString()));
        } else if (response && !response->schema.isNull()) {
            int items = 0;
            followPages(spec, op, body, response->schema, context, &items);
            note(QStringLiteral("%1 %2 items in total").arg(context).arg(items));
        }

        // Shape of the example's body for this status.
        if (example && example->responses.value(status).contains(QStringLiteral("body"))) {
            QJsonValue exampleBody = example->responses.value(status).value(QStringLiteral("body"));
            if (exampleBody.isObject() && !op.nextLinkName.isEmpty()) {
                QJsonObject o = exampleBody.toObject();
                o.remove(op.nextLinkName); // depends on the page size
                exampleBody = o;
            }
            QSet<QString> missing, mismatched;
            const QJsonDocument actual = QJsonDocument::fromJson(r.body);
            compareShape(v, response ? response->schema : SwaggerSchema(), exampleBody,
                         actual.isArray() ? QJsonValue(actual.array()) : QJsonValue(actual.object()),
                         QStringLiteral("$"), &missing, &mismatched);
            for (const QString &m : mismatched)
                report(fatal, context, QStringLiteral("shape differs from the example: ") + m);
            if (!missing.isEmpty()) {
                QStringList list = missing.values();
                list.sort();
                note(QStringLiteral("%1 fields the example %2 shows for %3 that the sandbox did not return: %4")
                         .arg(context, example->name, status, list.join(QStringLiteral(", "))));
            }
        }
        return checked;
    }

    // ---------------------------------------------------------------------------------------------

    std::unique_ptr<SandboxProcess> m_sandbox;
    std::unique_ptr<HttpClient> m_http;
    QString m_subscriptionId;
    QStringList m_notes;
    QSet<QString> m_groups;
    bool m_locationsLoaded = false;
    QStringList m_locations;
    QStringList m_locationDisplayNames;
    HttpResult m_lastCreate;
    QJsonArray m_listItems; // every item of the pages followPages() read
    QStringList m_expectedInList; // names the main list call must return
};

TEST_P(Conformance, Operation)
{
    const OperationCase &c = GetParam().op;
    const QString spec = QString::fromLatin1(c.spec);
    const QString id = QString::fromLatin1(c.operationId);
    const QString transport = GetParam().tls ? QStringLiteral("https") : QStringLiteral("http");
    const SwaggerValidator &v = validator(spec);
    const auto found = v.operation(id);
    ASSERT_TRUE(found.has_value()) << c.operationId << " is not an operationId of " << specFile(spec).path;
    const SwaggerOperation op = *found;
    const SwaggerExample *example = op.firstLoadedExample();
    coverage().operations.insert(c.operationId);
    (example ? coverage().withExample : coverage().generated).insert(c.operationId);
    (GetParam().tls ? coverage().httpsRuns : coverage().httpRuns)++;
    for (const auto &e : op.examples) {
        if (!e.loaded)
            note(QStringLiteral("%1: example %2 not available (%3)").arg(id, e.name, e.error));
    }
    note(QStringLiteral("%1 %2 %3 over %4, %5").arg(id, op.method, op.pathTemplate, transport,
                                                  example ? QStringLiteral("example ") + example->name : QStringLiteral("generated parameters")));
    if (op.response(QStringLiteral("default")))
        note(QStringLiteral("%1: the spec's default (error) response is %2").arg(id, schemaName(op.response(QStringLiteral("default"))->schema)));

    Call call = buildCall(spec, op, example);
    const QString rg = call.path.value(QStringLiteral("resourceGroupName"));
    const bool rp = isRpSpec(spec);
    const bool isCreate = op.method == QLatin1String("PUT") && id.endsWith(QLatin1String("_CreateOrUpdate"));

    // ---- prerequisites ---------------------------------------------------------------------------
    if (rp) {
        const QString name = call.path.value(nameParameter(spec));
        const SwaggerOperation create = operation(spec, createOperationId(spec));
        const SwaggerExample *createExample = create.firstLoadedExample();
        const QJsonObject createParams = createExample ? createExample->parameters : QJsonObject();
        if (!rg.isEmpty()) {
            ASSERT_TRUE(ensureResourceGroup(rg));
        }
        if (!isCreate && !name.isEmpty()) {
            ASSERT_TRUE(ensureResource(spec, rg, name));
        } else if (!isCreate && op.pageable) {
            // A list: create the resources its example lists (or the create example's one), so that there are
            // items to validate and, with page size 1, pages to follow.
            QStringList names;
            QStringList groups;
            if (example) {
                for (const auto &item : example->responses.value(QStringLiteral("200")).value(QStringLiteral("body")).toObject()
                                            .value(QStringLiteral("value")).toArray()) {
                    const QJsonObject o = item.toObject();
                    QMap<QString, QString> idParts;
                    const SwaggerOperation get = operation(spec, getOperationId(spec));
                    matchTemplate(get.pathTemplate, o.value(QStringLiteral("id")).toString(), &idParts);
                    QString itemRg = rg.isEmpty() ? idParts.value(QStringLiteral("resourceGroupName")) : rg;
                    if (itemRg.isEmpty())
                        itemRg = o.value(QStringLiteral("resourcegroup")).toString();
                    if (!o.value(QStringLiteral("name")).toString().isEmpty()) {
                        names << o.value(QStringLiteral("name")).toString();
                        groups << itemRg;
                    }
                }
            }
            if (names.isEmpty()) {
                names << createParams.value(nameParameter(spec)).toString(QStringLiteral("conformance-%1").arg(spec));
                groups << (rg.isEmpty() ? createParams.value(QStringLiteral("resourceGroupName")).toString() : rg);
            }
            for (int i = 0; i < names.size(); ++i) {
                const QString itemRg = groups.at(i).isEmpty() ? QStringLiteral("conformance-rg") : groups.at(i);
                ASSERT_TRUE(ensureResource(spec, itemRg, names.at(i)));
                m_expectedInList << names.at(i);
            }
        }
        if (id == QLatin1String("IotDpsResource_ListKeysForKeyName")) {
            const QString keyName = call.path.value(QStringLiteral("keyName"));
            QString rights = QStringLiteral("ServiceConfig");
            if (example)
                rights = example->responses.value(QStringLiteral("200")).value(QStringLiteral("body")).toObject()
                             .value(QStringLiteral("rights")).toString(rights);
            ASSERT_TRUE(ensureDpsPolicy(rg, name, keyName, rights));
        }
        if (id == QLatin1String("IotDpsResource_GetOperationResult")) {
            // The operation id and asyncinfo come from the Azure-AsyncOperation URL of the DPS creation.
            const QByteArray async = m_lastCreate.header("Azure-AsyncOperation");
            ASSERT_FALSE(async.isEmpty()) << "the DPS creation answered " << m_lastCreate.status << " without Azure-AsyncOperation";
            QUrl url(QString::fromUtf8(async));
            QMap<QString, QString> values;
            if (matchTemplate(op.pathTemplate, url.path(), &values)) {
                call.path.insert(QStringLiteral("operationId"), values.value(QStringLiteral("operationId")));
                const QString asyncinfo = QUrlQuery(url).queryItemValue(QStringLiteral("asyncinfo"));
                if (!asyncinfo.isEmpty())
                    call.setQuery(QStringLiteral("asyncinfo"), asyncinfo);
                note(QStringLiteral("%1: operation id taken from the DPS creation's Azure-AsyncOperation %2").arg(id, url.toString()));
            } else {
                report(true, QStringLiteral("[prerequisite]"),
                       QStringLiteral("the Azure-AsyncOperation URL of a DPS creation (%1) is not the spec's %2 route %3; using the example's operation id")
                           .arg(url.toString(), id, op.pathTemplate));
            }
        }
    } else if (spec == QLatin1String("resources")) {
        if (id.startsWith(QLatin1String("ResourceGroups_")) && !isCreate && !rg.isEmpty()) {
            ASSERT_TRUE(ensureResourceGroup(rg));
        }
        if (id == QLatin1String("ResourceGroups_List")) {
            for (const QString &name : {QStringLiteral("conformance-rg"), QStringLiteral("conformance-rg-2")}) {
                ASSERT_TRUE(ensureResourceGroup(name));
                m_expectedInList << name;
            }
        }
        if (call.path.contains(QStringLiteral("resourceProviderNamespace"))) {
            const QString ns = call.path.value(QStringLiteral("resourceProviderNamespace"));
            QStringList known;
            const HttpResult list = invoke(spec, QStringLiteral("Providers_List"));
            QJsonObject page = list.json();
            for (int n = 0; n < 100; ++n) {
                for (const auto &p : page.value(QStringLiteral("value")).toArray())
                    known << p.toObject().value(QStringLiteral("namespace")).toString().toLower();
                const QString next = page.value(QStringLiteral("nextLink")).toString();
                if (next.isEmpty())
                    break;
                page = send("GET", QUrl(next)).json();
            }
            if (!known.contains(ns.toLower())) {
                note(QStringLiteral("%1: the example's namespace %2 is not registered in the sandbox world; using Microsoft.Devices").arg(id, ns));
                call.path.insert(QStringLiteral("resourceProviderNamespace"), QStringLiteral("Microsoft.Devices"));
            }
        }
    }

    // ---- the call --------------------------------------------------------------------------------
    const QString context = QStringLiteral("[%1 %2 %3]").arg(id, transport, op.method);
    const HttpResult r = send(op, call);
    note(QStringLiteral("%1 %2 -> %3").arg(context, urlFor(op, call).toString(QUrl::RemoveScheme | QUrl::RemoveAuthority)).arg(r.status));
    const Checked checked = checkResponse(spec, op, example, r, context, false, true);

    if (!m_expectedInList.isEmpty() && r.status == 200) {
        QStringList listed;
        for (const auto &item : std::as_const(m_listItems))
            listed << item.toObject().value(QStringLiteral("name")).toString().toLower();
        for (const QString &name : std::as_const(m_expectedInList)) {
            if (!listed.contains(name.toLower()))
                report(true, context, QStringLiteral("the list (all pages) lacks %1, which exists; it listed [%2]").arg(name, listed.join(QStringLiteral(", "))));
        }
    }
    if (isCreate) {
        if (r.status != 201)
            report(true, context, QStringLiteral("creating a new resource must answer 201 (200 means it existed), got %1").arg(r.status));
    }

    // ---- long-running operations and what follows -------------------------------------------------
    if (op.method == QLatin1String("DELETE") && r.status == 202) {
        // Both RP specs: "Subsequent GET attempts on the resource after a DELETE operation return a resource
        // representation that indicates a transitional provisioning state" (prose, so only printed).
        Call get = call;
        const HttpResult during = send(QByteArray("GET"), urlFor(op, get));
        note(QStringLiteral("%1 GET while the delete runs -> %2, provisioningState %3").arg(context).arg(during.status)
                 .arg(during.json().value(QStringLiteral("properties")).toObject().value(QStringLiteral("provisioningState")).toString(QStringLiteral("<none>"))));
    }
    const bool async = !r.header("Azure-AsyncOperation").isEmpty() || !r.header("Location").isEmpty();
    if (op.longRunning && (r.status == 201 || r.status == 202) && !async)
        report(true, context, QStringLiteral("a long-running operation answered %1 without Azure-AsyncOperation or Location").arg(r.status));
    if (op.longRunning && r.status >= 200 && r.status < 300) {
        const QJsonObject body = r.json();
        const QString state = body.value(QStringLiteral("properties")).toObject().value(QStringLiteral("provisioningState")).toString();
        static const QStringList terminal{QStringLiteral("Succeeded"), QStringLiteral("Failed"), QStringLiteral("Canceled")};
        if (!async && !state.isEmpty() && !terminal.contains(state))
            report(true, context, QStringLiteral("provisioningState %1 is not terminal, but there is nothing to poll").arg(state));
        if (async) {
            QString finalStatus;
            EXPECT_TRUE(completeLro(r, context + QStringLiteral(" [LRO]"), true, &finalStatus)) << "final status " << finalStatus.toStdString();
        }
    }
    const SwaggerOperation *getForPath = nullptr;
    std::optional<SwaggerOperation> getOp;
    for (const auto &o : v.operations()) {
        if (o.method == QLatin1String("GET") && o.pathTemplate == op.pathTemplate)
            getOp = o;
    }
    if (getOp)
        getForPath = &*getOp;
    if (checked.statusOk && getForPath && (op.method == QLatin1String("PUT") || op.method == QLatin1String("PATCH"))) {
        Call get = call;
        get.hasBody = false;
        get.headers.clear();
        const HttpResult after = send(*getForPath, get);
        const QString ctx = context + QStringLiteral(" [GET after]");
        if (after.status != 200) {
            report(true, ctx, QStringLiteral("GET after %1 answered %2: %3").arg(op.method).arg(after.status).arg(snippet(after.body)));
        } else {
            checkResponse(spec, *getForPath, nullptr, after, ctx, false, true);
            const QString state = after.json().value(QStringLiteral("properties")).toObject().value(QStringLiteral("provisioningState")).toString();
            if (!state.isEmpty() && state != QLatin1String("Succeeded"))
                report(true, ctx, QStringLiteral("provisioningState is %1 after the operation completed").arg(state));
            if (op.method == QLatin1String("PATCH") && call.body.toObject().contains(QStringLiteral("tags"))
                && after.json().value(QStringLiteral("tags")) != call.body.toObject().value(QStringLiteral("tags")))
                report(true, ctx, QStringLiteral("the tags are %1 after a PATCH with %2")
                                      .arg(compact(after.json().value(QStringLiteral("tags"))), compact(call.body.toObject().value(QStringLiteral("tags")))));
        }
    }
    if (checked.statusOk && getForPath && op.method == QLatin1String("DELETE")) {
        const HttpResult after = send(*getForPath, call);
        const QString ctx = context + QStringLiteral(" [GET after]");
        if (after.status != 404)
            report(true, ctx, QStringLiteral("GET after DELETE answered %1 (expected 404): %2").arg(after.status).arg(snippet(after.body)));
        else
            checkResponse(spec, *getForPath, nullptr, after, ctx, true, true);
    }
    if (isCreate && r.status == 201 && checked.statusOk) {
        // The same PUT again updates: 200 (If-Match with the current etag when the operation takes one).
        Call again = call;
        if (op.parameter(QStringLiteral("If-Match"))) {
            const QString etag = r.json().value(QStringLiteral("etag")).toString();
            if (getForPath) {
                const HttpResult current = send(*getForPath, call);
                again.headers.append({"If-Match", current.json().value(QStringLiteral("etag")).toString(etag).toUtf8()});
            }
        }
        const HttpResult second = send(op, again);
        const QString ctx = context + QStringLiteral(" [second PUT]");
        checkResponse(spec, op, example, second, ctx, false, true);
        if (second.status != 200) {
            report(true, ctx, QStringLiteral("PUT on an existing resource must answer 200, got %1: %2").arg(second.status).arg(snippet(second.body)));
        } else if (op.longRunning) {
            EXPECT_TRUE(completeLro(second, ctx + QStringLiteral(" [LRO]"), true));
        }
    }
    if (id.contains(QLatin1String("CheckProvisioningServiceNameAvailability")) || id == QLatin1String("IotHubResource_CheckNameAvailability")) {
        EXPECT_TRUE(r.json().value(QStringLiteral("nameAvailable")).toBool(false))
            << "the example's name " << compact(call.body.toObject().value(QStringLiteral("name"))).toStdString() << " should be free: " << r.body.toStdString();
        // A taken name: AlreadyExists.
        const SwaggerOperation create = operation(spec, createOperationId(spec));
        const QJsonObject createParams = create.firstLoadedExample() ? create.firstLoadedExample()->parameters : QJsonObject();
        const QString takenRg = createParams.value(QStringLiteral("resourceGroupName")).toString(QStringLiteral("conformance-rg"));
        const QString taken = createParams.value(nameParameter(spec)).toString(QStringLiteral("conformance-%1").arg(spec));
        ASSERT_TRUE(ensureResource(spec, takenRg, taken));
        Call takenCall = call;
        QJsonObject body = call.body.toObject();
        body.insert(QStringLiteral("name"), taken.toUpper()); // names are case-insensitive
        takenCall.body = body;
        const HttpResult t = send(op, takenCall);
        const QString ctx = context + QStringLiteral(" [taken name]");
        checkResponse(spec, op, example, t, ctx, false, true);
        const QJsonObject tb = t.json();
        if (tb.value(QStringLiteral("nameAvailable")).toBool(true) || tb.value(QStringLiteral("reason")).toString() != QLatin1String("AlreadyExists"))
            report(true, ctx, QStringLiteral("a taken name must give nameAvailable false, reason AlreadyExists: %1").arg(snippet(t.body)));
    }

    // ---- the error probe -------------------------------------------------------------------------
    {
        Call bad = call;
        bool withToken = true;
        bool armLevel = !rp;
        QString what;
        const QStringList params = templateParameters(op.pathTemplate);
        QString leaf;
        for (const QString &p : params) {
            if (p != QLatin1String("subscriptionId"))
                leaf = p;
        }
        switch (c.probe) {
        case Probe::MissingLeaf:
            if (leaf == QLatin1String("resourceProviderNamespace"))
                bad.path.insert(leaf, QStringLiteral("Microsoft.ConformanceMissing"));
            else
                bad.path.insert(leaf, QStringLiteral("conformance-missing-%1").arg(leaf.toLower()));
            armLevel = armLevel || leaf == QLatin1String("resourceGroupName");
            what = QStringLiteral("%1 that does not exist").arg(leaf);
            break;
        case Probe::InvalidName:
            bad.path.insert(leaf, leaf == QLatin1String("resourceGroupName") ? QStringLiteral("invalid*name")
                                                                            : QStringLiteral("-invalid-name-"));
            what = QStringLiteral("an invalid %1").arg(leaf);
            break;
        case Probe::EmptyBody:
            bad.hasBody = true;
            bad.body = QJsonObject();
            what = QStringLiteral("an empty body");
            break;
        case Probe::MissingSubscription:
            bad.path.insert(QStringLiteral("subscriptionId"), QUuid::createUuid().toString(QUuid::WithoutBraces));
            armLevel = true;
            what = QStringLiteral("a subscription that does not exist");
            break;
        case Probe::NoToken:
            withToken = false;
            armLevel = true;
            what = QStringLiteral("no bearer token");
            break;
        }
        const QString ctx = QStringLiteral("[%1 %2 error probe: %3]").arg(id, transport, what);
        const HttpResult e = send(op, bad, withToken);
        // An error ARM raises itself (before the RP sees the request) is ARM's wrapped CloudError; the RP specs'
        // `default` schema describes the RP's own errors only, so such a mismatch is printed, not failed.
        const bool fatal = !(rp && armLevel);
        const Checked pc = checkResponse(spec, op, example, e, ctx, true, fatal);
        note(QStringLiteral("%1 -> %2, spec wants %3; body %4").arg(ctx).arg(e.status).arg(pc.schemaName.isEmpty() ? QStringLiteral("no body") : pc.schemaName, snippet(e.body, 300)));
        if (rp && armLevel && e.status >= 400) {
            const SwaggerValidator &res = validator(QStringLiteral("resources"));
            SwaggerValidator::Options strict;
            strict.unknownPropertiesAreErrors = true;
            const auto armResult = res.validateBody(e.body, res.definition(QStringLiteral("CloudError")), strict);
            if (!armResult.ok())
                report(true, ctx, QStringLiteral("an error raised by ARM must be ARM's CloudError:\n    %1\n  body: %2")
                                      .arg(armResult.errors.join(QStringLiteral("\n    ")), snippet(e.body)));
        }
    }

}

std::vector<ConformanceParam> allCases()
{
    std::vector<ConformanceParam> out;
    for (bool tls : {false, true}) {
        for (const auto &c : kCases)
            out.push_back({c, tls});
    }
    return out;
}

std::string caseName(const ::testing::TestParamInfo<ConformanceParam> &info)
{
    return std::string(info.param.tls ? "Https_" : "Http_") + info.param.op.operationId;
}

} // namespace

INSTANTIATE_TEST_SUITE_P(Specs, Conformance, ::testing::ValuesIn(allCases()), caseName);
