#pragma once

#include <QHash>
#include <QJsonDocument>
#include <QJsonObject>
#include <QJsonValue>
#include <QList>
#include <QMap>
#include <QString>
#include <QStringList>

#include <optional>

namespace Dps::Test {

// A schema together with the file it was read from, so that its relative `$ref`s
// (`#/definitions/X`, `../../common-types/.../types.json#/definitions/Y`) resolve against the right file.
struct SwaggerSchema
{
    QString file;     // absolute path of the file that holds `json` ("" for inline schemas without file refs)
    QJsonObject json; // may itself be a {"$ref": ...}
    bool isNull() const { return json.isEmpty(); }
};

struct SwaggerParameter
{
    QString name;
    QString in; // path | query | header | body | formData
    bool required = false;
    QString type;         // non-body parameters
    QJsonValue defaultValue;
    SwaggerSchema schema; // body parameters
    QJsonObject json;     // the resolved parameter object as written
};

struct SwaggerResponse
{
    QString status;                   // "200", "default", ...
    SwaggerSchema schema;             // null when the response declares no body
    QMap<QString, QJsonObject> headers; // declared response headers (name as written)
};

// One x-ms-examples entry: the example file, loaded (or the reason it could not be).
struct SwaggerExample
{
    QString name;
    QString file;
    bool loaded = false;
    QString error;
    QJsonObject parameters;            // "parameters" of the example file
    QMap<QString, QJsonObject> responses; // status -> {body?, headers?}
};

struct SwaggerOperation
{
    QString specFile;
    QString pathTemplate; // as written under "paths"
    QString method;       // upper case: GET, PUT, ...
    QString operationId;
    QList<SwaggerParameter> parameters; // path-level and operation-level, $refs resolved
    QMap<QString, SwaggerResponse> responses;
    QList<SwaggerExample> examples;
    bool pageable = false;
    QString nextLinkName; // x-ms-pageable.nextLinkName (may be empty even when pageable)
    bool longRunning = false;
    QJsonObject longRunningOptions; // x-ms-long-running-operation-options

    const SwaggerParameter *parameter(const QString &name) const;
    const SwaggerParameter *bodyParameter() const;
    const SwaggerResponse *response(const QString &status) const;
    QStringList declaredStatuses() const; // without "default"
    const SwaggerExample *firstLoadedExample() const;
};

struct SwaggerValidationOptions
{
    // Undeclared properties of objects without `additionalProperties`. Swagger allows them, so by
    // default they are only warnings; OAV-style strict checks (e.g. error bodies) make them errors.
    bool unknownPropertiesAreErrors = false;
    // Request bodies: readOnly properties are reported (responses may always carry them).
    bool isRequest = false;
};

struct SwaggerValidationResult
{
    QStringList errors;
    QStringList warnings;
    bool ok() const { return errors.isEmpty(); }
};

// A small swagger 2.0 reader and JSON validator on top of QJsonDocument.
//  - loads a spec file and every file its $refs point to (cached, relative to the referencing file);
//  - enumerates operations (parameters, responses, x-ms-examples with the example files loaded,
//    x-ms-pageable, x-ms-long-running-operation);
//  - validates a JSON value against a schema: type, enum (closed unless x-ms-enum.modelAsString),
//    required, properties, additionalProperties, items, allOf, format, pattern, lengths and ranges.
// Errors come back as "json.path: message" ("$" is the root, e.g. "$.value[0].properties.state: ...").
class SwaggerValidator
{
public:
    using Options = SwaggerValidationOptions;
    using Result = SwaggerValidationResult;

    SwaggerValidator() = default;

    // Loads the main spec file. Returns false (and sets *error) when it is missing or not JSON.
    bool load(const QString &specFile, QString *error = nullptr);
    QString specFile() const { return m_specFile; }
    QJsonObject spec() const { return document(m_specFile); }
    QString apiVersion() const; // info.version

    QList<SwaggerOperation> operations() const;
    std::optional<SwaggerOperation> operation(const QString &operationId) const;

    // #/definitions/name of the main spec.
    SwaggerSchema definition(const QString &name) const;

    // Follows a $ref chain; returns the target schema in the file that holds it. Sibling keywords next to
    // a $ref (readOnly, x-nullable, description) are kept on top of the target.
    SwaggerSchema resolve(const SwaggerSchema &schema, QString *error = nullptr) const;

    Result validate(const QJsonValue &value, const SwaggerSchema &schema, const Options &options) const;
    Result validate(const QJsonValue &value, const SwaggerSchema &schema) const { return validate(value, schema, Options()); }
    // Convenience: parses `body` as JSON first ("$: not JSON" otherwise).
    Result validateBody(const QByteArray &body, const SwaggerSchema &schema, const Options &options = Options()) const;

    // The schema of member `key` of an object schema: its declared property (*declared = true), else the
    // additionalProperties schema (*declared = false; null when there is none).
    SwaggerSchema memberSchema(const SwaggerSchema &objectSchema, const QString &key, bool *declared = nullptr) const;
    // The `items` schema of an array schema (null when there is none).
    SwaggerSchema itemsSchema(const SwaggerSchema &arraySchema) const;

    // A copy of `value` without the properties the schema marks readOnly (what an SDK would serialise
    // when it sends a GET body back in a PUT).
    QJsonValue stripReadOnly(const QJsonValue &value, const SwaggerSchema &schema) const;

    // Loads (and caches) any JSON file; returns an empty object when it can't.
    QJsonObject document(const QString &file, QString *error = nullptr) const;
    // Resolves "file.json#/pointer" (or "#/pointer") against `baseFile`.
    std::optional<std::pair<QString, QJsonValue>> resolveReference(const QString &baseFile, const QString &ref,
                                                                   QString *error = nullptr) const;

private:
    struct Context;
    void validateValue(const QJsonValue &value, const SwaggerSchema &schema, const QString &path,
                       bool required, Context &ctx, int depth) const;
    void validateObject(const QJsonObject &object, const SwaggerSchema &schema, const QString &path,
                        Context &ctx, int depth) const;
    void validateScalar(const QJsonValue &value, const QJsonObject &schema, const QString &path, Context &ctx) const;
    // Merges a schema with its allOf members (recursively): properties, required, additionalProperties, type.
    struct Merged
    {
        QString type;
        QMap<QString, SwaggerSchema> properties;
        QStringList required;
        bool hasAdditional = false;
        bool additionalFalse = false;
        SwaggerSchema additional;
        bool nullable = false;
        bool readOnly = false;
    };
    void merge(const SwaggerSchema &schema, Merged *out, Context &ctx, const QString &path, int depth) const;
    SwaggerParameter parameterFrom(const QString &file, const QJsonObject &json) const;

    QString m_specFile;
    mutable QHash<QString, QJsonObject> m_documents;
    mutable QHash<QString, QString> m_documentErrors;
};

// "$.a.b[0]" helpers, exposed for tests.
QString jsonPathChild(const QString &path, const QString &key);
QString jsonPathIndex(const QString &path, int index);

} // namespace Dps::Test
