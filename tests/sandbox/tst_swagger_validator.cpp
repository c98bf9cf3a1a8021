// Unit tests of SwaggerValidator (tests/support): small inline schemas, plus one sanity pass over the
// x-ms-examples of the four specs the sandbox implements (the validator must accept the official examples).
#include "SandboxFixture.h"
#include "SwaggerValidator.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QTemporaryDir>

#include <gtest/gtest.h>

using namespace Dps::Test;

namespace {

QJsonObject obj(const char *json)
{
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(QByteArray(json), &error);
    EXPECT_EQ(error.error, QJsonParseError::NoError) << error.errorString().toStdString() << " in " << json;
    return doc.object();
}

QJsonValue val(const char *json)
{
    const QJsonDocument doc = QJsonDocument::fromJson(QByteArray("[") + json + "]");
    return doc.array().at(0);
}

std::string dump(const SwaggerValidator::Result &r)
{
    QString out;
    for (const auto &e : r.errors)
        out += QStringLiteral("  error: ") + e + QLatin1Char('\n');
    for (const auto &w : r.warnings)
        out += QStringLiteral("  warning: ") + w + QLatin1Char('\n');
    return out.toStdString();
}

// True when some message starts with "path: " and contains `needle`.
bool has(const QStringList &messages, const QString &path, const QString &needle)
{
    for (const auto &m : messages) {
        if (m.startsWith(path + QStringLiteral(": ")) && m.contains(needle))
            return true;
    }
    return false;
}

void writeFile(const QString &path, const char *json)
{
    QDir().mkpath(QFileInfo(path).absolutePath());
    QFile f(path);
    ASSERT_TRUE(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
    f.write(json);
}

const char *kSkuSchema = R"({
  "type": "object",
  "required": ["name"],
  "properties": {
    "name": {"type": "string", "enum": ["S1", "S2"], "x-ms-enum": {"name": "Sku", "modelAsString": false}},
    "tier": {"type": "string", "readOnly": true},
    "capacity": {"type": "integer", "format": "int64"},
    "units": {"type": "integer", "format": "int32"},
    "ratio": {"type": "number"},
    "enabled": {"type": "boolean"}
  }
})";

} // namespace

TEST(SwaggerValidator, AcceptsAValidObject)
{
    SwaggerValidator v;
    const auto r = v.validate(obj(R"({"name": "S1", "tier": "Standard", "capacity": 2, "units": 1, "ratio": 0.5, "enabled": true})"),
                              SwaggerSchema{QString(), obj(kSkuSchema)});
    EXPECT_TRUE(r.ok()) << dump(r);
    EXPECT_TRUE(r.warnings.isEmpty()) << dump(r);
}

TEST(SwaggerValidator, ReportsWrongTypes)
{
    SwaggerValidator v;
    const auto r = v.validate(obj(R"({"name": 1, "capacity": "2", "units": 1.5, "ratio": "x", "enabled": "true"})"),
                              SwaggerSchema{QString(), obj(kSkuSchema)});
    EXPECT_TRUE(has(r.errors, QStringLiteral("$.name"), QStringLiteral("expected string, got number"))) << dump(r);
    EXPECT_TRUE(has(r.errors, QStringLiteral("$.capacity"), QStringLiteral("expected integer, got string"))) << dump(r);
    EXPECT_TRUE(has(r.errors, QStringLiteral("$.units"), QStringLiteral("expected integer, got 1.5"))) << dump(r);
    EXPECT_TRUE(has(r.errors, QStringLiteral("$.ratio"), QStringLiteral("expected number"))) << dump(r);
    EXPECT_TRUE(has(r.errors, QStringLiteral("$.enabled"), QStringLiteral("expected boolean"))) << dump(r);
    EXPECT_EQ(r.errors.size(), 5) << dump(r);

    const auto notObject = v.validate(val("[1]"), SwaggerSchema{QString(), obj(kSkuSchema)});
    EXPECT_TRUE(has(notObject.errors, QStringLiteral("$"), QStringLiteral("expected object, got array"))) << dump(notObject);
}

TEST(SwaggerValidator, ReportsIntegerFormatRanges)
{
    SwaggerValidator v;
    const auto r = v.validate(obj(R"({"name": "S1", "units": 4294967296, "capacity": 4294967296})"),
                              SwaggerSchema{QString(), obj(kSkuSchema)});
    EXPECT_TRUE(has(r.errors, QStringLiteral("$.units"), QStringLiteral("int32"))) << dump(r);
    EXPECT_FALSE(has(r.errors, QStringLiteral("$.capacity"), QString())) << dump(r);
}

TEST(SwaggerValidator, ReportsMissingRequiredFieldsAlsoThroughAllOf)
{
    SwaggerValidator v;
    const QJsonObject spec = obj(R"({
      "definitions": {
        "Resource": {"type": "object", "required": ["location"], "properties": {"location": {"type": "string"}, "id": {"type": "string", "readOnly": true}}},
        "Thing": {"type": "object", "allOf": [{"$ref": "#/definitions/Resource"}], "required": ["sku"],
                  "properties": {"sku": {"type": "object", "required": ["name"], "properties": {"name": {"type": "string"}}}}}
      }
    })");
    QTemporaryDir dir;
    const QString file = dir.filePath(QStringLiteral("spec.json"));
    writeFile(file, QJsonDocument(spec).toJson().constData());
    ASSERT_TRUE(v.load(file));
    const auto r = v.validate(obj(R"({"id": "/x", "sku": {}})"), v.definition(QStringLiteral("Thing")));
    EXPECT_TRUE(has(r.errors, QStringLiteral("$"), QStringLiteral("missing required property 'location'"))) << dump(r);
    EXPECT_TRUE(has(r.errors, QStringLiteral("$.sku"), QStringLiteral("missing required property 'name'"))) << dump(r);
    EXPECT_EQ(r.errors.size(), 2) << dump(r);

    const auto casing = v.validate(obj(R"({"Location": "eastus", "sku": {"name": "S1"}})"), v.definition(QStringLiteral("Thing")));
    EXPECT_TRUE(has(casing.errors, QStringLiteral("$"), QStringLiteral("found 'Location', which differs in case"))) << dump(casing);
    EXPECT_TRUE(has(casing.errors, QStringLiteral("$.Location"), QStringLiteral("differs only in case"))) << dump(casing);
}

TEST(SwaggerValidator, ClosedEnumRejectsUnknownAndMiscasedValues)
{
    SwaggerValidator v;
    const SwaggerSchema schema{QString(), obj(kSkuSchema)};
    const auto unknown = v.validate(obj(R"({"name": "S9"})"), schema);
    EXPECT_TRUE(has(unknown.errors, QStringLiteral("$.name"), QStringLiteral("\"S9\" is not one of the enum values"))) << dump(unknown);
    const auto casing = v.validate(obj(R"({"name": "s1"})"), schema);
    EXPECT_TRUE(has(casing.errors, QStringLiteral("$.name"), QStringLiteral("differs in case from the enum value \"S1\""))) << dump(casing);

    // A plain swagger enum (no x-ms-enum) is closed too.
    const auto plain = v.validate(val(R"("b")"), SwaggerSchema{QString(), obj(R"({"type": "string", "enum": ["a"]})")});
    EXPECT_EQ(plain.errors.size(), 1) << dump(plain);
}

TEST(SwaggerValidator, ModelAsStringEnumAcceptsAnyString)
{
    SwaggerValidator v;
    const SwaggerSchema schema{QString(), obj(R"({"type": "string", "enum": ["Hashed", "GeoLatency", "Static"],
                                                   "x-ms-enum": {"name": "AllocationPolicy", "modelAsString": true}})")};
    const auto other = v.validate(val(R"("Custom")"), schema);
    EXPECT_TRUE(other.ok()) << dump(other);
    EXPECT_TRUE(other.warnings.isEmpty()) << dump(other);
    const auto casing = v.validate(val(R"("hashed")"), schema);
    EXPECT_TRUE(casing.ok()) << dump(casing);
    EXPECT_TRUE(has(casing.warnings, QStringLiteral("$"), QStringLiteral("differs in case"))) << dump(casing);
    const auto wrongType = v.validate(val("3"), schema);
    EXPECT_FALSE(wrongType.ok()) << dump(wrongType);
}

TEST(SwaggerValidator, FollowsExternalAndLocalRefsRelativeToTheReferencingFile)
{
    QTemporaryDir dir;
    // spec/stable/2020/spec.json -> ../../../common/v1/types.json -> its own #/definitions and ./more.json
    const QString specFile = dir.filePath(QStringLiteral("spec/stable/2020/spec.json"));
    writeFile(specFile, R"({
      "swagger": "2.0",
      "info": {"version": "2020-01-01"},
      "paths": {},
      "definitions": {
        "Wrapper": {"type": "object", "properties": {
          "error": {"$ref": "../../../common/v1/types.json#/definitions/ErrorResponse"},
          "when": {"type": "string", "format": "date-time"}
        }}
      }
    })");
    writeFile(dir.filePath(QStringLiteral("common/v1/types.json")), R"({
      "definitions": {
        "ErrorResponse": {"type": "object", "properties": {"error": {"$ref": "#/definitions/ErrorDetail"}}},
        "ErrorDetail": {"type": "object", "required": ["code"], "properties": {
          "code": {"type": "string"},
          "details": {"type": "array", "items": {"$ref": "#/definitions/ErrorDetail"}},
          "info": {"$ref": "./more.json#/definitions/Info"}
        }}
      }
    })");
    writeFile(dir.filePath(QStringLiteral("common/v1/more.json")), R"({
      "definitions": {"Info": {"type": "object", "properties": {"level": {"type": "integer", "format": "int32"}}}}
    })");

    SwaggerValidator v;
    QString error;
    ASSERT_TRUE(v.load(specFile, &error)) << error.toStdString();
    EXPECT_EQ(v.apiVersion(), QStringLiteral("2020-01-01"));
    const SwaggerSchema wrapper = v.definition(QStringLiteral("Wrapper"));
    ASSERT_FALSE(wrapper.isNull());

    const auto good = v.validate(obj(R"({"error": {"error": {"code": "X", "details": [{"code": "Y"}], "info": {"level": 2}}},
                                          "when": "2024-01-02T03:04:05.123Z"})"), wrapper);
    EXPECT_TRUE(good.ok()) << dump(good);

    const auto bad = v.validate(obj(R"({"error": {"error": {"code": 5, "details": [{"message": "m"}], "info": {"level": "high"}}},
                                         "when": "yesterday"})"), wrapper);
    EXPECT_TRUE(has(bad.errors, QStringLiteral("$.error.error.code"), QStringLiteral("expected string"))) << dump(bad);
    EXPECT_TRUE(has(bad.errors, QStringLiteral("$.error.error.details[0]"), QStringLiteral("missing required property 'code'"))) << dump(bad);
    EXPECT_TRUE(has(bad.errors, QStringLiteral("$.error.error.info.level"), QStringLiteral("expected integer"))) << dump(bad);
    EXPECT_TRUE(has(bad.errors, QStringLiteral("$.when"), QStringLiteral("not a date-time"))) << dump(bad);

    // Direct resolution of an external reference.
    const auto target = v.resolveReference(specFile, QStringLiteral("../../../common/v1/types.json#/definitions/ErrorDetail"));
    ASSERT_TRUE(target.has_value());
    EXPECT_TRUE(target->first.endsWith(QStringLiteral("common/v1/types.json")));
    EXPECT_TRUE(target->second.toObject().contains(QStringLiteral("properties")));

    // A dangling reference is an error, not a silent pass.
    const auto dangling = v.validate(obj("{}"), SwaggerSchema{specFile, obj(R"({"$ref": "./nope.json#/definitions/X"})")});
    EXPECT_TRUE(has(dangling.errors, QStringLiteral("$"), QStringLiteral("cannot resolve"))) << dump(dangling);
}

TEST(SwaggerValidator, AdditionalPropertiesFalseSchemaAndUndeclared)
{
    SwaggerValidator v;
    const SwaggerSchema closed{QString(), obj(R"({"type": "object", "properties": {"a": {"type": "string"}}, "additionalProperties": false})")};
    const auto r1 = v.validate(obj(R"({"a": "x", "b": 1})"), closed);
    EXPECT_TRUE(has(r1.errors, QStringLiteral("$.b"), QStringLiteral("not allowed"))) << dump(r1);

    const SwaggerSchema map{QString(), obj(R"({"type": "object", "additionalProperties": {"type": "string"}})")};
    const auto r2 = v.validate(obj(R"({"env": "prod", "n": 3})"), map);
    EXPECT_TRUE(has(r2.errors, QStringLiteral("$.n"), QStringLiteral("expected string"))) << dump(r2);
    EXPECT_EQ(r2.errors.size(), 1) << dump(r2);
    const auto r2b = v.validate(obj(R"({"odd key": "x"})"), map);
    EXPECT_TRUE(r2b.ok()) << dump(r2b);

    const SwaggerSchema open{QString(), obj(R"({"type": "object", "properties": {"a": {"type": "string"}}})")};
    const auto lenient = v.validate(obj(R"({"a": "x", "extra": 1})"), open);
    EXPECT_TRUE(lenient.ok()) << dump(lenient);
    EXPECT_TRUE(has(lenient.warnings, QStringLiteral("$.extra"), QStringLiteral("not declared"))) << dump(lenient);
    SwaggerValidator::Options strict;
    strict.unknownPropertiesAreErrors = true;
    const auto strictResult = v.validate(obj(R"({"a": "x", "extra": 1})"), open, strict);
    EXPECT_TRUE(has(strictResult.errors, QStringLiteral("$.extra"), QStringLiteral("not declared"))) << dump(strictResult);
    const auto casing = v.validate(obj(R"({"A": "x"})"), open);
    EXPECT_TRUE(has(casing.errors, QStringLiteral("$.A"), QStringLiteral("differs only in case from the declared 'a'"))) << dump(casing);
}

TEST(SwaggerValidator, ArraysAndFormats)
{
    SwaggerValidator v;
    const SwaggerSchema schema{QString(), obj(R"({"type": "object", "properties": {
        "ids": {"type": "array", "items": {"type": "string", "format": "uuid"}},
        "name": {"type": "string", "pattern": "^(?![0-9]+$)(?!-)[a-zA-Z0-9-]{2,49}[a-zA-Z0-9]$"},
        "ttl": {"type": "string", "format": "duration"},
        "notAList": {"type": "array", "items": {"type": "integer"}}
    }})")};
    const auto good = v.validate(obj(R"({"ids": ["6f1c2d3e-aaaa-4bbb-8ccc-0123456789ab"], "name": "my-dps", "ttl": "PT1H"})"), schema);
    EXPECT_TRUE(good.ok()) << dump(good);
    const auto bad = v.validate(obj(R"({"ids": ["6f1c2d3e", 7], "name": "-bad", "ttl": "1 hour", "notAList": {"a": 1}})"), schema);
    EXPECT_TRUE(has(bad.errors, QStringLiteral("$.ids[0]"), QStringLiteral("not a uuid"))) << dump(bad);
    EXPECT_TRUE(has(bad.errors, QStringLiteral("$.ids[1]"), QStringLiteral("expected string"))) << dump(bad);
    EXPECT_TRUE(has(bad.errors, QStringLiteral("$.name"), QStringLiteral("does not match the pattern"))) << dump(bad);
    EXPECT_TRUE(has(bad.errors, QStringLiteral("$.ttl"), QStringLiteral("duration"))) << dump(bad);
    EXPECT_TRUE(has(bad.errors, QStringLiteral("$.notAList"), QStringLiteral("expected array"))) << dump(bad);
}

TEST(SwaggerValidator, NullsAndReadOnly)
{
    SwaggerValidator v;
    const SwaggerSchema schema{QString(), obj(R"({"type": "object", "required": ["a"], "properties": {
        "a": {"type": "string"}, "b": {"type": "string"}, "c": {"type": "string", "x-nullable": true},
        "id": {"type": "string", "readOnly": true}
    }})")};
    const auto r = v.validate(obj(R"({"a": null, "b": null, "c": null, "id": "/x"})"), schema);
    EXPECT_TRUE(has(r.errors, QStringLiteral("$.a"), QStringLiteral("null is not allowed"))) << dump(r);
    EXPECT_TRUE(has(r.warnings, QStringLiteral("$.b"), QStringLiteral("null for an optional property"))) << dump(r);
    EXPECT_FALSE(has(r.errors, QStringLiteral("$.c"), QString())) << dump(r);
    EXPECT_FALSE(has(r.warnings, QStringLiteral("$.c"), QString())) << dump(r);
    EXPECT_FALSE(has(r.errors, QStringLiteral("$.id"), QString())) << dump(r); // readOnly is fine in a response
    EXPECT_EQ(r.errors.size(), 1) << dump(r);

    SwaggerValidator::Options request;
    request.isRequest = true;
    const auto req = v.validate(obj(R"({"a": "x", "id": "/x"})"), schema, request);
    EXPECT_TRUE(has(req.errors, QStringLiteral("$.id"), QStringLiteral("read-only"))) << dump(req);
}

TEST(SwaggerValidator, EnumeratesOperationsWithParametersResponsesAndExamples)
{
    QTemporaryDir dir;
    const QString specFile = dir.filePath(QStringLiteral("rp/stable/2022-12-12/rp.json"));
    writeFile(specFile, R"({
      "swagger": "2.0",
      "info": {"version": "2022-12-12"},
      "paths": {
        "/subscriptions/{subscriptionId}/things/{thingName}": {
          "get": {
            "operationId": "Things_Get",
            "parameters": [
              {"$ref": "#/parameters/subscriptionId"},
              {"name": "thingName", "in": "path", "required": true, "type": "string"},
              {"$ref": "../../../common/types.json#/parameters/ApiVersionParameter"}
            ],
            "responses": {
              "200": {"description": "ok", "schema": {"$ref": "#/definitions/Thing"}},
              "default": {"description": "err", "schema": {"$ref": "../../../common/types.json#/definitions/ErrorResponse"}}
            },
            "x-ms-examples": {"Get a thing": {"$ref": "./examples/ThingGet.json"}, "Missing": {"$ref": "./examples/Nope.json"}}
          },
          "delete": {
            "operationId": "Things_Delete",
            "x-ms-long-running-operation": true,
            "parameters": [{"$ref": "#/parameters/subscriptionId"}],
            "responses": {"202": {"description": "accepted", "headers": {"Location": {"type": "string"}}}, "204": {"description": "gone"}}
          }
        },
        "/subscriptions/{subscriptionId}/things": {
          "parameters": [{"$ref": "#/parameters/subscriptionId"}],
          "post": {
            "operationId": "Things_List",
            "x-ms-pageable": {"nextLinkName": "nextLink"},
            "parameters": [{"name": "body", "in": "body", "required": true, "schema": {"$ref": "#/definitions/Thing"}}],
            "responses": {"200": {"description": "ok", "schema": {"type": "object"}}}
          }
        }
      },
      "parameters": {"subscriptionId": {"name": "subscriptionId", "in": "path", "required": true, "type": "string"}},
      "definitions": {"Thing": {"type": "object", "required": ["name"], "properties": {"name": {"type": "string"}}}}
    })");
    writeFile(dir.filePath(QStringLiteral("rp/stable/2022-12-12/examples/ThingGet.json")), R"({
      "parameters": {"subscriptionId": "0000", "thingName": "t1", "api-version": "2022-12-12"},
      "responses": {"200": {"body": {"name": "t1"}, "headers": {"x-ms-test": "1"}}}
    })");
    writeFile(dir.filePath(QStringLiteral("common/types.json")), R"({
      "parameters": {"ApiVersionParameter": {"name": "api-version", "in": "query", "required": true, "type": "string"}},
      "definitions": {"ErrorResponse": {"type": "object", "properties": {"error": {"type": "object"}}}}
    })");

    SwaggerValidator v;
    ASSERT_TRUE(v.load(specFile));
    EXPECT_EQ(v.operations().size(), 3);
    const auto get = v.operation(QStringLiteral("Things_Get"));
    ASSERT_TRUE(get.has_value());
    EXPECT_EQ(get->method, QStringLiteral("GET"));
    EXPECT_EQ(get->pathTemplate, QStringLiteral("/subscriptions/{subscriptionId}/things/{thingName}"));
    ASSERT_EQ(get->parameters.size(), 3);
    ASSERT_NE(get->parameter(QStringLiteral("api-version")), nullptr);
    EXPECT_EQ(get->parameter(QStringLiteral("api-version"))->in, QStringLiteral("query"));
    EXPECT_TRUE(get->parameter(QStringLiteral("subscriptionId"))->required);
    EXPECT_EQ(get->declaredStatuses(), QStringList{QStringLiteral("200")});
    ASSERT_NE(get->response(QStringLiteral("default")), nullptr);
    const auto err = v.validate(obj(R"({"error": {}})"), get->response(QStringLiteral("default"))->schema);
    EXPECT_TRUE(err.ok()) << dump(err);
    const auto wrong = v.validate(obj(R"({})"), get->response(QStringLiteral("200"))->schema);
    EXPECT_TRUE(has(wrong.errors, QStringLiteral("$"), QStringLiteral("missing required property 'name'"))) << dump(wrong);
    ASSERT_EQ(get->examples.size(), 2);
    const SwaggerExample *example = get->firstLoadedExample();
    ASSERT_NE(example, nullptr);
    EXPECT_EQ(example->name, QStringLiteral("Get a thing"));
    EXPECT_EQ(example->parameters.value(QStringLiteral("thingName")).toString(), QStringLiteral("t1"));
    EXPECT_TRUE(example->responses.value(QStringLiteral("200")).value(QStringLiteral("headers")).toObject().contains(QStringLiteral("x-ms-test")));
    int missing = 0;
    for (const auto &e : get->examples)
        missing += e.loaded ? 0 : 1;
    EXPECT_EQ(missing, 1);

    const auto del = v.operation(QStringLiteral("Things_Delete"));
    ASSERT_TRUE(del.has_value());
    EXPECT_TRUE(del->longRunning);
    EXPECT_TRUE(del->response(QStringLiteral("202"))->headers.contains(QStringLiteral("Location")));
    EXPECT_TRUE(del->response(QStringLiteral("204"))->schema.isNull());

    const auto list = v.operation(QStringLiteral("Things_List"));
    ASSERT_TRUE(list.has_value());
    EXPECT_TRUE(list->pageable);
    EXPECT_EQ(list->nextLinkName, QStringLiteral("nextLink"));
    ASSERT_NE(list->parameter(QStringLiteral("subscriptionId")), nullptr); // path-level parameter
    ASSERT_NE(list->bodyParameter(), nullptr);
    EXPECT_TRUE(list->bodyParameter()->required);
    EXPECT_FALSE(list->bodyParameter()->schema.isNull());
}

// The official examples of the specs the sandbox implements must pass the validator (no false positives).
TEST(SwaggerValidator, AcceptsTheOfficialExampleResponses)
{
    const QStringList specs{
        QStringLiteral("specification/deviceprovisioningservices/resource-manager/Microsoft.Devices/DeviceProvisioningServices/stable/2022-12-12/iotdps.json"),
        QStringLiteral("specification/iothub/resource-manager/Microsoft.Devices/stable/2023-06-30/iothub.json"),
        QStringLiteral("specification/resources/resource-manager/Microsoft.Resources/resources/stable/2021-04-01/resources.json"),
        QStringLiteral("specification/resources/resource-manager/Microsoft.Resources/subscriptions/stable/2022-12-01/subscriptions.json"),
    };
    int checked = 0;
    for (const QString &rel : specs) {
        SwaggerValidator v;
        QString error;
        ASSERT_TRUE(v.load(QDir(azureSpecsDir()).filePath(rel), &error)) << error.toStdString();
        for (const auto &op : v.operations()) {
            for (const auto &example : op.examples) {
                if (!example.loaded)
                    continue;
                for (auto it = example.responses.constBegin(); it != example.responses.constEnd(); ++it) {
                    const SwaggerResponse *response = op.response(it.key());
                    if (!response || response->schema.isNull() || !it.value().contains(QStringLiteral("body")))
                        continue;
                    const auto r = v.validate(it.value().value(QStringLiteral("body")), response->schema);
                    ++checked;
                    for (const auto &w : r.warnings)
                        std::cout << "[          ] note: " << op.operationId.toStdString() << " example " << example.name.toStdString()
                                  << " " << it.key().toStdString() << ": " << w.toStdString() << std::endl;
                    EXPECT_TRUE(r.ok()) << op.operationId.toStdString() << " example " << example.name.toStdString()
                                        << " status " << it.key().toStdString() << ":\n" << dump(r);
                }
            }
        }
    }
    EXPECT_GT(checked, 20);
    std::cout << "[          ] validated " << checked << " official example response bodies" << std::endl;
}

// Negative control on the real specs: broken copies of official examples must be caught, which shows that
// the allOf / external $ref chains of the real files are followed.
TEST(SwaggerValidator, CatchesBrokenCopiesOfOfficialExamples)
{
    SwaggerValidator dps;
    ASSERT_TRUE(dps.load(QDir(azureSpecsDir()).filePath(QStringLiteral(
        "specification/deviceprovisioningservices/resource-manager/Microsoft.Devices/DeviceProvisioningServices/stable/2022-12-12/iotdps.json"))));
    const auto get = dps.operation(QStringLiteral("IotDpsResource_Get"));
    ASSERT_TRUE(get.has_value());
    ASSERT_NE(get->firstLoadedExample(), nullptr);
    QJsonObject body = get->firstLoadedExample()->responses.value(QStringLiteral("200")).value(QStringLiteral("body")).toObject();
    ASSERT_FALSE(body.isEmpty());
    body.remove(QStringLiteral("sku"));
    body.remove(QStringLiteral("location")); // required by the allOf base `Resource`
    QJsonObject props = body.value(QStringLiteral("properties")).toObject();
    props.insert(QStringLiteral("state"), 5);
    props.insert(QStringLiteral("publicNetworkAccess"), QStringLiteral("enabled")); // modelAsString: only a warning
    props.insert(QStringLiteral("ipFilterRules"), QJsonArray{obj(R"({"filterName": "f", "action": "accept", "ipMask": "1.2.3.4"})")}); // closed
    body.insert(QStringLiteral("properties"), props);
    body.insert(QStringLiteral("systemData"), obj(R"({"createdAt": "not a date"})")); // v2 common-types via external $ref
    const auto r = dps.validate(body, get->response(QStringLiteral("200"))->schema);
    EXPECT_TRUE(has(r.errors, QStringLiteral("$"), QStringLiteral("missing required property 'sku'"))) << dump(r);
    EXPECT_TRUE(has(r.errors, QStringLiteral("$"), QStringLiteral("missing required property 'location'"))) << dump(r);
    EXPECT_TRUE(has(r.errors, QStringLiteral("$.properties.state"), QStringLiteral("expected string"))) << dump(r);
    EXPECT_TRUE(has(r.warnings, QStringLiteral("$.properties.publicNetworkAccess"), QStringLiteral("differs in case"))) << dump(r);
    EXPECT_TRUE(has(r.errors, QStringLiteral("$.properties.ipFilterRules[0].action"), QStringLiteral("differs in case from the enum value \"Accept\""))) << dump(r);
    EXPECT_EQ(r.errors.size(), 5) << dump(r);
    EXPECT_TRUE(has(r.errors, QStringLiteral("$.systemData.createdAt"), QStringLiteral("not a date-time"))) << dump(r);

    // The DPS `default` error is the flat ErrorDetails with an int32 code.
    const auto flat = dps.validate(obj(R"({"code": "NotFound", "message": "m"})"), get->response(QStringLiteral("default"))->schema);
    EXPECT_TRUE(has(flat.errors, QStringLiteral("$.code"), QStringLiteral("expected integer"))) << dump(flat);

    SwaggerValidator hub;
    ASSERT_TRUE(hub.load(QDir(azureSpecsDir()).filePath(QStringLiteral(
        "specification/iothub/resource-manager/Microsoft.Devices/stable/2023-06-30/iothub.json"))));
    const auto key = hub.operation(QStringLiteral("IotHubResource_GetKeysForKeyName"));
    ASSERT_TRUE(key.has_value());
    const auto rights = hub.validate(obj(R"({"keyName": "k", "rights": "RegistryWrite,ServiceConnect"})"),
                                     key->response(QStringLiteral("200"))->schema);
    EXPECT_TRUE(has(rights.errors, QStringLiteral("$.rights"), QStringLiteral("is not one of the enum values"))) << dump(rights);

    SwaggerValidator resources;
    ASSERT_TRUE(resources.load(QDir(azureSpecsDir()).filePath(QStringLiteral(
        "specification/resources/resource-manager/Microsoft.Resources/resources/stable/2021-04-01/resources.json"))));
    const auto rg = resources.operation(QStringLiteral("ResourceGroups_Get"));
    ASSERT_TRUE(rg.has_value());
    // CloudError -> ../../../../../../common-types/resource-management/v1/types.json#/definitions/ErrorResponse
    const auto wrapped = resources.validate(obj(R"({"error": {"code": 404, "details": [{"code": []}]}})"),
                                            rg->response(QStringLiteral("default"))->schema);
    EXPECT_TRUE(has(wrapped.errors, QStringLiteral("$.error.code"), QStringLiteral("expected string"))) << dump(wrapped);
    EXPECT_TRUE(has(wrapped.errors, QStringLiteral("$.error.details[0].code"), QStringLiteral("expected string"))) << dump(wrapped);
}

TEST(SwaggerValidator, StripsReadOnlyPropertiesForRequests)
{
    SwaggerValidator v;
    const SwaggerSchema schema{QString(), obj(R"({"type": "object", "properties": {
        "id": {"type": "string", "readOnly": true},
        "sku": {"type": "object", "properties": {"name": {"type": "string"}, "tier": {"type": "string", "readOnly": true}}},
        "rules": {"type": "array", "items": {"type": "object", "properties": {"n": {"type": "string"}, "ro": {"type": "string", "readOnly": true}}}},
        "other": {"type": "string"}
    }})")};
    const QJsonValue stripped = v.stripReadOnly(obj(R"({"id": "/x", "sku": {"name": "S1", "tier": "Standard"},
                                                         "rules": [{"n": "a", "ro": "b"}], "other": "o", "extra": 1})"), schema);
    EXPECT_EQ(stripped.toObject(), obj(R"({"sku": {"name": "S1"}, "rules": [{"n": "a"}], "other": "o", "extra": 1})"));
}
