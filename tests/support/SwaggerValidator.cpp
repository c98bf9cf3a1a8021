#include "SwaggerValidator.h"

#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>
#include <QSet>
#include <QUrl>

#include <cmath>

namespace Dps::Test {

namespace {

const int kMaxDepth = 64;

QString canonical(const QString &file)
{
    return QDir::cleanPath(QFileInfo(file).absoluteFilePath());
}

QString typeName(const QJsonValue &v)
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
    return QStringLiteral("undefined");
}

QString shortJson(const QJsonValue &v)
{
    QString text;
    if (v.isString())
        text = QLatin1Char('"') + v.toString() + QLatin1Char('"');
    else if (v.isDouble())
        text = QString::number(v.toDouble(), 'g', 17);
    else if (v.isBool())
        text = v.toBool() ? QStringLiteral("true") : QStringLiteral("false");
    else if (v.isNull())
        text = QStringLiteral("null");
    else if (v.isArray())
        text = QString::fromUtf8(QJsonDocument(v.toArray()).toJson(QJsonDocument::Compact));
    else if (v.isObject())
        text = QString::fromUtf8(QJsonDocument(v.toObject()).toJson(QJsonDocument::Compact));
    if (text.size() > 80)
        text = text.left(77) + QStringLiteral("...");
    return text;
}

bool isClosedEnum(const QJsonObject &schema)
{
    const QJsonValue ext = schema.value(QStringLiteral("x-ms-enum"));
    if (!ext.isObject())
        return true; // a plain swagger enum is closed
    return !ext.toObject().value(QStringLiteral("modelAsString")).toBool(false);
}

const QRegularExpression &dateTimeRe()
{
    // RFC 3339 / ISO 8601, loosely: fraction of any length, offset optional.
    static const QRegularExpression re(QStringLiteral(
        R"(^\d{4}-\d{2}-\d{2}[Tt ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?([Zz]|[+-]\d{2}(:?\d{2})?)?$)"));
    return re;
}

const QRegularExpression &uuidRe()
{
    static const QRegularExpression re(QStringLiteral(
        R"(^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$)"));
    return re;
}

const QRegularExpression &durationRe()
{
    static const QRegularExpression re(QStringLiteral(
        R"(^-?P(?=\d|T\d)(\d+Y)?(\d+M)?(\d+W)?(\d+D)?(T(?=\d)(\d+H)?(\d+M)?(\d+(\.\d+)?S)?)?$)"));
    return re;
}

const QRegularExpression &rfc1123Re()
{
    static const QRegularExpression re(QStringLiteral(
        R"(^(Mon|Tue|Wed|Thu|Fri|Sat|Sun), \d{2} (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) \d{4} \d{2}:\d{2}:\d{2} (GMT|UTC|[+-]\d{4})$)"));
    return re;
}

const QRegularExpression &base64Re()
{
    static const QRegularExpression re(QStringLiteral(R"(^[A-Za-z0-9+/_-]*={0,2}$)"));
    return re;
}

} // namespace

QString jsonPathChild(const QString &path, const QString &key)
{
    static const QRegularExpression ident(QStringLiteral(R"(^[A-Za-z_$][A-Za-z0-9_$]*$)"));
    if (ident.match(key).hasMatch())
        return path + QLatin1Char('.') + key;
    QString escaped = key;
    escaped.replace(QLatin1Char('\''), QStringLiteral("\\'"));
    return path + QStringLiteral("['") + escaped + QStringLiteral("']");
}

QString jsonPathIndex(const QString &path, int index)
{
    return path + QLatin1Char('[') + QString::number(index) + QLatin1Char(']');
}

// -------------------------------------------------------------------------------------------------

const SwaggerParameter *SwaggerOperation::parameter(const QString &name) const
{
    for (const auto &p : parameters) {
        if (p.name == name)
            return &p;
    }
    return nullptr;
}

const SwaggerParameter *SwaggerOperation::bodyParameter() const
{
    for (const auto &p : parameters) {
        if (p.in == QLatin1String("body"))
            return &p;
    }
    return nullptr;
}

const SwaggerResponse *SwaggerOperation::response(const QString &status) const
{
    auto it = responses.constFind(status);
    return it == responses.constEnd() ? nullptr : &it.value();
}

QStringList SwaggerOperation::declaredStatuses() const
{
    QStringList out;
    for (auto it = responses.constBegin(); it != responses.constEnd(); ++it) {
        if (it.key() != QLatin1String("default"))
            out << it.key();
    }
    return out;
}

const SwaggerExample *SwaggerOperation::firstLoadedExample() const
{
    for (const auto &e : examples) {
        if (e.loaded)
            return &e;
    }
    return nullptr;
}

// -------------------------------------------------------------------------------------------------

struct SwaggerValidator::Context
{
    Options options;
    Result result;
    QSet<QString> reportedBadPatterns;
    void error(const QString &path, const QString &message) { result.errors << path + QStringLiteral(": ") + message; }
    void warning(const QString &path, const QString &message) { result.warnings << path + QStringLiteral(": ") + message; }
};

bool SwaggerValidator::load(const QString &specFile, QString *error)
{
    const QString file = canonical(specFile);
    QString why;
    const QJsonObject doc = document(file, &why);
    if (doc.isEmpty()) {
        if (error)
            *error = why.isEmpty() ? QStringLiteral("%1 is empty").arg(file) : why;
        return false;
    }
    m_specFile = file;
    return true;
}

QString SwaggerValidator::apiVersion() const
{
    return spec().value(QStringLiteral("info")).toObject().value(QStringLiteral("version")).toString();
}

QJsonObject SwaggerValidator::document(const QString &file, QString *error) const
{
    const QString key = canonical(file);
    auto it = m_documents.constFind(key);
    if (it != m_documents.constEnd()) {
        if (error)
            *error = m_documentErrors.value(key);
        return it.value();
    }
    QJsonObject result;
    QString why;
    QFile f(key);
    if (!f.open(QIODevice::ReadOnly)) {
        why = QStringLiteral("cannot open %1: %2").arg(key, f.errorString());
    } else {
        QJsonParseError parseError;
        const QByteArray data = f.readAll();
        const QJsonDocument doc = QJsonDocument::fromJson(data, &parseError);
        if (parseError.error != QJsonParseError::NoError)
            why = QStringLiteral("%1 is not JSON: %2 at offset %3").arg(key, parseError.errorString()).arg(parseError.offset);
        else if (!doc.isObject())
            why = QStringLiteral("%1 is not a JSON object").arg(key);
        else
            result = doc.object();
    }
    m_documents.insert(key, result);
    m_documentErrors.insert(key, why);
    if (error)
        *error = why;
    return result;
}

std::optional<std::pair<QString, QJsonValue>> SwaggerValidator::resolveReference(const QString &baseFile, const QString &ref,
                                                                                 QString *error) const
{
    const int hash = ref.indexOf(QLatin1Char('#'));
    const QString filePart = hash < 0 ? ref : ref.left(hash);
    const QString pointer = hash < 0 ? QString() : ref.mid(hash + 1);
    QString file;
    if (filePart.isEmpty()) {
        file = baseFile;
    } else {
        const QString decoded = QUrl::fromPercentEncoding(filePart.toUtf8());
        file = QFileInfo(decoded).isAbsolute() ? decoded
                                               : QFileInfo(baseFile).absoluteDir().absoluteFilePath(decoded);
        file = canonical(file);
    }
    if (file.isEmpty()) {
        if (error)
            *error = QStringLiteral("reference '%1' has no file to resolve against").arg(ref);
        return std::nullopt;
    }
    QString why;
    const QJsonObject doc = document(file, &why);
    if (doc.isEmpty() && !why.isEmpty()) {
        if (error)
            *error = QStringLiteral("reference '%1': %2").arg(ref, why);
        return std::nullopt;
    }
    QJsonValue current = doc;
    const QStringList tokens = pointer.split(QLatin1Char('/'), Qt::SkipEmptyParts);
    for (QString token : tokens) {
        token = QUrl::fromPercentEncoding(token.toUtf8());
        token.replace(QStringLiteral("~1"), QStringLiteral("/"));
        token.replace(QStringLiteral("~0"), QStringLiteral("~"));
        if (current.isObject() && current.toObject().contains(token)) {
            current = current.toObject().value(token);
        } else if (current.isArray()) {
            bool ok = false;
            const int index = token.toInt(&ok);
            if (!ok || index < 0 || index >= current.toArray().size()) {
                if (error)
                    *error = QStringLiteral("reference '%1': no element '%2' in %3").arg(ref, token, file);
                return std::nullopt;
            }
            current = current.toArray().at(index);
        } else {
            if (error)
                *error = QStringLiteral("reference '%1': no '%2' in %3").arg(ref, token, file);
            return std::nullopt;
        }
    }
    return std::make_pair(file, current);
}

SwaggerSchema SwaggerValidator::resolve(const SwaggerSchema &schema, QString *error) const
{
    SwaggerSchema current = schema;
    QJsonObject overlay; // sibling keywords of $ref that matter to us
    for (int i = 0; i < 50; ++i) {
        const QJsonValue ref = current.json.value(QStringLiteral("$ref"));
        if (!ref.isString())
            break;
        for (const char *k : {"readOnly", "x-nullable", "description"}) {
            const QString key = QLatin1String(k);
            if (current.json.contains(key) && !overlay.contains(key))
                overlay.insert(key, current.json.value(key));
        }
        QString why;
        const auto target = resolveReference(current.file, ref.toString(), &why);
        if (!target) {
            if (error)
                *error = why;
            return {};
        }
        if (!target->second.isObject()) {
            if (error)
                *error = QStringLiteral("reference '%1' does not point to an object").arg(ref.toString());
            return {};
        }
        current = SwaggerSchema{target->first, target->second.toObject()};
    }
    for (auto it = overlay.constBegin(); it != overlay.constEnd(); ++it)
        current.json.insert(it.key(), it.value());
    return current;
}

SwaggerSchema SwaggerValidator::definition(const QString &name) const
{
    const QJsonObject defs = spec().value(QStringLiteral("definitions")).toObject();
    if (!defs.contains(name))
        return {};
    return SwaggerSchema{m_specFile, defs.value(name).toObject()};
}

// -------------------------------------------------------------------------------------------------
// Operations

SwaggerParameter SwaggerValidator::parameterFrom(const QString &file, const QJsonObject &json) const
{
    SwaggerSchema resolved = resolve(SwaggerSchema{file, json});
    if (resolved.isNull())
        resolved = SwaggerSchema{file, json};
    SwaggerParameter p;
    p.json = resolved.json;
    p.name = resolved.json.value(QStringLiteral("name")).toString();
    p.in = resolved.json.value(QStringLiteral("in")).toString();
    p.required = resolved.json.value(QStringLiteral("required")).toBool(p.in == QLatin1String("path"));
    p.type = resolved.json.value(QStringLiteral("type")).toString();
    p.defaultValue = resolved.json.value(QStringLiteral("default"));
    if (resolved.json.value(QStringLiteral("schema")).isObject())
        p.schema = SwaggerSchema{resolved.file, resolved.json.value(QStringLiteral("schema")).toObject()};
    return p;
}

QList<SwaggerOperation> SwaggerValidator::operations() const
{
    QList<SwaggerOperation> out;
    const QJsonObject paths = spec().value(QStringLiteral("paths")).toObject();
    static const QStringList methods{QStringLiteral("get"), QStringLiteral("put"), QStringLiteral("post"),
                                     QStringLiteral("delete"), QStringLiteral("patch"), QStringLiteral("head"),
                                     QStringLiteral("options")};
    for (auto pit = paths.constBegin(); pit != paths.constEnd(); ++pit) {
        const QJsonObject item = pit.value().toObject();
        QList<SwaggerParameter> pathParameters;
        for (const auto &p : item.value(QStringLiteral("parameters")).toArray())
            pathParameters << parameterFrom(m_specFile, p.toObject());
        for (const QString &method : methods) {
            if (!item.contains(method))
                continue;
            const QJsonObject op = item.value(method).toObject();
            SwaggerOperation o;
            o.specFile = m_specFile;
            o.pathTemplate = pit.key();
            o.method = method.toUpper();
            o.operationId = op.value(QStringLiteral("operationId")).toString();
            o.parameters = pathParameters;
            for (const auto &pv : op.value(QStringLiteral("parameters")).toArray()) {
                const SwaggerParameter p = parameterFrom(m_specFile, pv.toObject());
                bool replaced = false;
                for (auto &existing : o.parameters) {
                    if (existing.name == p.name && existing.in == p.in) {
                        existing = p;
                        replaced = true;
                    }
                }
                if (!replaced)
                    o.parameters << p;
            }
            const QJsonObject responses = op.value(QStringLiteral("responses")).toObject();
            for (auto rit = responses.constBegin(); rit != responses.constEnd(); ++rit) {
                SwaggerSchema r = resolve(SwaggerSchema{m_specFile, rit.value().toObject()});
                if (r.isNull())
                    r = SwaggerSchema{m_specFile, rit.value().toObject()};
                SwaggerResponse response;
                response.status = rit.key();
                if (r.json.value(QStringLiteral("schema")).isObject())
                    response.schema = SwaggerSchema{r.file, r.json.value(QStringLiteral("schema")).toObject()};
                const QJsonObject headers = r.json.value(QStringLiteral("headers")).toObject();
                for (auto hit = headers.constBegin(); hit != headers.constEnd(); ++hit)
                    response.headers.insert(hit.key(), hit.value().toObject());
                o.responses.insert(rit.key(), response);
            }
            const QJsonObject examples = op.value(QStringLiteral("x-ms-examples")).toObject();
            for (auto eit = examples.constBegin(); eit != examples.constEnd(); ++eit) {
                SwaggerExample e;
                e.name = eit.key();
                const QString ref = eit.value().toObject().value(QStringLiteral("$ref")).toString();
                if (ref.isEmpty()) {
                    e.error = QStringLiteral("x-ms-examples entry without $ref");
                    o.examples << e;
                    continue;
                }
                const QString rel = ref.section(QLatin1Char('#'), 0, 0);
                e.file = canonical(QFileInfo(m_specFile).absoluteDir().absoluteFilePath(rel));
                QString why;
                const QJsonObject doc = document(e.file, &why);
                if (doc.isEmpty()) {
                    e.error = why.isEmpty() ? QStringLiteral("empty example") : why;
                } else {
                    e.loaded = true;
                    e.parameters = doc.value(QStringLiteral("parameters")).toObject();
                    const QJsonObject rs = doc.value(QStringLiteral("responses")).toObject();
                    for (auto rit = rs.constBegin(); rit != rs.constEnd(); ++rit)
                        e.responses.insert(rit.key(), rit.value().toObject());
                }
                o.examples << e;
            }
            const QJsonValue pageable = op.value(QStringLiteral("x-ms-pageable"));
            if (pageable.isObject()) {
                o.pageable = true;
                o.nextLinkName = pageable.toObject().value(QStringLiteral("nextLinkName")).toString();
            }
            o.longRunning = op.value(QStringLiteral("x-ms-long-running-operation")).toBool(false);
            o.longRunningOptions = op.value(QStringLiteral("x-ms-long-running-operation-options")).toObject();
            out << o;
        }
    }
    return out;
}

std::optional<SwaggerOperation> SwaggerValidator::operation(const QString &operationId) const
{
    for (const auto &o : operations()) {
        if (o.operationId == operationId)
            return o;
    }
    return std::nullopt;
}

// -------------------------------------------------------------------------------------------------
// Validation

void SwaggerValidator::merge(const SwaggerSchema &schema, Merged *out, Context &ctx, const QString &path, int depth) const
{
    if (depth > kMaxDepth) {
        ctx.error(path, QStringLiteral("allOf nesting too deep (cycle?)"));
        return;
    }
    QString why;
    const SwaggerSchema s = resolve(schema, &why);
    if (s.isNull() && !schema.isNull()) {
        ctx.error(path, QStringLiteral("cannot resolve schema: %1").arg(why));
        return;
    }
    const QJsonObject &j = s.json;
    for (const auto &member : j.value(QStringLiteral("allOf")).toArray())
        merge(SwaggerSchema{s.file, member.toObject()}, out, ctx, path, depth + 1);
    const QString type = j.value(QStringLiteral("type")).toString();
    if (!type.isEmpty())
        out->type = type;
    const QJsonObject props = j.value(QStringLiteral("properties")).toObject();
    for (auto it = props.constBegin(); it != props.constEnd(); ++it)
        out->properties.insert(it.key(), SwaggerSchema{s.file, it.value().toObject()});
    for (const auto &r : j.value(QStringLiteral("required")).toArray()) {
        if (!out->required.contains(r.toString()))
            out->required << r.toString();
    }
    const QJsonValue additional = j.value(QStringLiteral("additionalProperties"));
    if (additional.isBool()) {
        out->hasAdditional = true;
        out->additionalFalse = !additional.toBool();
        out->additional = {};
    } else if (additional.isObject()) {
        out->hasAdditional = true;
        out->additionalFalse = false;
        out->additional = SwaggerSchema{s.file, additional.toObject()};
    }
    if (j.value(QStringLiteral("x-nullable")).toBool(false))
        out->nullable = true;
    if (j.value(QStringLiteral("readOnly")).toBool(false))
        out->readOnly = true;
}

SwaggerValidator::Result SwaggerValidator::validate(const QJsonValue &value, const SwaggerSchema &schema,
                                                    const Options &options) const
{
    Context ctx;
    ctx.options = options;
    validateValue(value, schema, QStringLiteral("$"), true, ctx, 0);
    return ctx.result;
}

SwaggerValidator::Result SwaggerValidator::validateBody(const QByteArray &body, const SwaggerSchema &schema,
                                                        const Options &options) const
{
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(body, &parseError);
    if (parseError.error != QJsonParseError::NoError) {
        Result r;
        r.errors << QStringLiteral("$: body is not JSON (%1): %2")
                        .arg(parseError.errorString(), QString::fromUtf8(body.left(120)));
        return r;
    }
    const QJsonValue root = doc.isObject() ? QJsonValue(doc.object()) : QJsonValue(doc.array());
    return validate(root, schema, options);
}

SwaggerSchema SwaggerValidator::memberSchema(const SwaggerSchema &objectSchema, const QString &key, bool *declared) const
{
    Context ctx;
    Merged m;
    merge(objectSchema, &m, ctx, QStringLiteral("$"), 0);
    auto it = m.properties.constFind(key);
    if (declared)
        *declared = it != m.properties.constEnd();
    if (it != m.properties.constEnd())
        return it.value();
    return m.additional;
}

SwaggerSchema SwaggerValidator::itemsSchema(const SwaggerSchema &arraySchema) const
{
    const SwaggerSchema s = resolve(arraySchema);
    if (!s.json.value(QStringLiteral("items")).isObject())
        return {};
    return SwaggerSchema{s.file, s.json.value(QStringLiteral("items")).toObject()};
}

QJsonValue SwaggerValidator::stripReadOnly(const QJsonValue &value, const SwaggerSchema &schema) const
{
    Context ctx;
    const SwaggerSchema s = resolve(schema);
    if (s.isNull())
        return value;
    Merged m;
    merge(s, &m, ctx, QStringLiteral("$"), 0);
    if (value.isObject()) {
        QJsonObject out;
        const QJsonObject in = value.toObject();
        for (auto it = in.constBegin(); it != in.constEnd(); ++it) {
            auto prop = m.properties.constFind(it.key());
            if (prop != m.properties.constEnd()) {
                Merged pm;
                merge(prop.value(), &pm, ctx, QStringLiteral("$"), 0);
                if (pm.readOnly)
                    continue;
                out.insert(it.key(), stripReadOnly(it.value(), prop.value()));
            } else if (m.hasAdditional && !m.additional.isNull()) {
                out.insert(it.key(), stripReadOnly(it.value(), m.additional));
            } else {
                out.insert(it.key(), it.value());
            }
        }
        return out;
    }
    if (value.isArray() && s.json.value(QStringLiteral("items")).isObject()) {
        QJsonArray out;
        const SwaggerSchema items{s.file, s.json.value(QStringLiteral("items")).toObject()};
        for (const auto &v : value.toArray())
            out.append(stripReadOnly(v, items));
        return out;
    }
    return value;
}

void SwaggerValidator::validateValue(const QJsonValue &value, const SwaggerSchema &schema, const QString &path,
                                     bool required, Context &ctx, int depth) const
{
    if (depth > kMaxDepth) {
        ctx.error(path, QStringLiteral("value nested too deep"));
        return;
    }
    QString why;
    const SwaggerSchema s = resolve(schema, &why);
    if (s.isNull()) {
        if (!schema.isNull())
            ctx.error(path, QStringLiteral("cannot resolve schema: %1").arg(why));
        return; // {} accepts anything
    }
    Merged m;
    merge(s, &m, ctx, path, 0);

    if (ctx.options.isRequest && m.readOnly && path != QLatin1String("$"))
        ctx.error(path, QStringLiteral("read-only property sent in a request"));

    if (value.isNull() || value.isUndefined()) {
        if (m.nullable)
            return;
        if (required)
            ctx.error(path, QStringLiteral("null is not allowed (not x-nullable)"));
        else
            ctx.warning(path, QStringLiteral("null for an optional property that is not x-nullable"));
        return;
    }

    QString type = m.type;
    if (type.isEmpty()) {
        if (!m.properties.isEmpty() || m.hasAdditional)
            type = QStringLiteral("object");
        else if (s.json.contains(QStringLiteral("items")))
            type = QStringLiteral("array");
    }

    if (type == QLatin1String("object")) {
        if (!value.isObject()) {
            ctx.error(path, QStringLiteral("expected object, got %1 %2").arg(typeName(value), shortJson(value)));
            return;
        }
        const QJsonObject object = value.toObject();
        for (const QString &name : m.required) {
            if (object.contains(name))
                continue;
            QString other;
            for (auto it = object.constBegin(); it != object.constEnd(); ++it) {
                if (it.key().compare(name, Qt::CaseInsensitive) == 0)
                    other = it.key();
            }
            if (other.isEmpty())
                ctx.error(path, QStringLiteral("missing required property '%1'").arg(name));
            else
                ctx.error(path, QStringLiteral("missing required property '%1' (found '%2', which differs in case)").arg(name, other));
        }
        for (auto it = object.constBegin(); it != object.constEnd(); ++it) {
            const QString child = jsonPathChild(path, it.key());
            auto prop = m.properties.constFind(it.key());
            if (prop != m.properties.constEnd()) {
                validateValue(it.value(), prop.value(), child, m.required.contains(it.key()), ctx, depth + 1);
                continue;
            }
            QString declared;
            for (auto pit = m.properties.constBegin(); pit != m.properties.constEnd(); ++pit) {
                if (pit.key().compare(it.key(), Qt::CaseInsensitive) == 0)
                    declared = pit.key();
            }
            if (!declared.isEmpty()) {
                ctx.error(child, QStringLiteral("property '%1' differs only in case from the declared '%2'").arg(it.key(), declared));
            } else if (m.hasAdditional && m.additionalFalse) {
                ctx.error(child, QStringLiteral("property '%1' is not allowed (additionalProperties: false)").arg(it.key()));
            } else if (m.hasAdditional) {
                validateValue(it.value(), m.additional, child, true, ctx, depth + 1);
            } else if (ctx.options.unknownPropertiesAreErrors) {
                ctx.error(child, QStringLiteral("property '%1' is not declared by the schema").arg(it.key()));
            } else {
                ctx.warning(child, QStringLiteral("property '%1' is not declared by the schema").arg(it.key()));
            }
        }
        return;
    }

    if (type == QLatin1String("array")) {
        if (!value.isArray()) {
            ctx.error(path, QStringLiteral("expected array, got %1 %2").arg(typeName(value), shortJson(value)));
            return;
        }
        const QJsonArray array = value.toArray();
        if (s.json.contains(QStringLiteral("minItems")) && array.size() < s.json.value(QStringLiteral("minItems")).toInt())
            ctx.error(path, QStringLiteral("%1 items, fewer than minItems %2").arg(array.size()).arg(s.json.value(QStringLiteral("minItems")).toInt()));
        if (s.json.contains(QStringLiteral("maxItems")) && array.size() > s.json.value(QStringLiteral("maxItems")).toInt())
            ctx.error(path, QStringLiteral("%1 items, more than maxItems %2").arg(array.size()).arg(s.json.value(QStringLiteral("maxItems")).toInt()));
        const QJsonValue items = s.json.value(QStringLiteral("items"));
        if (items.isObject()) {
            for (int i = 0; i < array.size(); ++i)
                validateValue(array.at(i), SwaggerSchema{s.file, items.toObject()}, jsonPathIndex(path, i), true, ctx, depth + 1);
        }
        return;
    }

    if (type == QLatin1String("string")) {
        if (!value.isString()) {
            ctx.error(path, QStringLiteral("expected string, got %1 %2").arg(typeName(value), shortJson(value)));
            return;
        }
    } else if (type == QLatin1String("integer")) {
        if (!value.isDouble()) {
            ctx.error(path, QStringLiteral("expected integer, got %1 %2").arg(typeName(value), shortJson(value)));
            return;
        }
        const double d = value.toDouble();
        if (!std::isfinite(d) || std::floor(d) != d) {
            ctx.error(path, QStringLiteral("expected integer, got %1").arg(shortJson(value)));
            return;
        }
    } else if (type == QLatin1String("number")) {
        if (!value.isDouble()) {
            ctx.error(path, QStringLiteral("expected number, got %1 %2").arg(typeName(value), shortJson(value)));
            return;
        }
    } else if (type == QLatin1String("boolean")) {
        if (!value.isBool()) {
            ctx.error(path, QStringLiteral("expected boolean, got %1 %2").arg(typeName(value), shortJson(value)));
            return;
        }
    } else if (!type.isEmpty() && type != QLatin1String("file")) {
        ctx.warning(path, QStringLiteral("schema type '%1' is not checked").arg(type));
    }
    validateScalar(value, s.json, path, ctx);
}

void SwaggerValidator::validateScalar(const QJsonValue &value, const QJsonObject &schema, const QString &path,
                                      Context &ctx) const
{
    const QJsonArray enumValues = schema.value(QStringLiteral("enum")).toArray();
    if (!enumValues.isEmpty()) {
        bool exact = false;
        QString caseMatch;
        QStringList known;
        for (const auto &e : enumValues) {
            known << shortJson(e);
            if (e == value)
                exact = true;
            else if (e.isString() && value.isString() && e.toString().compare(value.toString(), Qt::CaseInsensitive) == 0)
                caseMatch = e.toString();
        }
        if (!exact) {
            if (isClosedEnum(schema)) {
                if (!caseMatch.isEmpty())
                    ctx.error(path, QStringLiteral("%1 differs in case from the enum value \"%2\"").arg(shortJson(value), caseMatch));
                else
                    ctx.error(path, QStringLiteral("%1 is not one of the enum values [%2]").arg(shortJson(value), known.join(QStringLiteral(", "))));
            } else if (!caseMatch.isEmpty()) {
                // modelAsString: any string is valid; a casing slip against a known value is worth seeing.
                ctx.warning(path, QStringLiteral("%1 differs in case from the known value \"%2\" (modelAsString enum)").arg(shortJson(value), caseMatch));
            }
        }
    }

    const QString format = schema.value(QStringLiteral("format")).toString();
    if (value.isString()) {
        const QString s = value.toString();
        if (format == QLatin1String("date-time")) {
            if (!dateTimeRe().match(s).hasMatch())
                ctx.error(path, QStringLiteral("\"%1\" is not a date-time").arg(s));
        } else if (format == QLatin1String("date-time-rfc1123")) {
            if (!rfc1123Re().match(s).hasMatch())
                ctx.error(path, QStringLiteral("\"%1\" is not an RFC 1123 date").arg(s));
        } else if (format == QLatin1String("uuid")) {
            if (!uuidRe().match(s).hasMatch())
                ctx.error(path, QStringLiteral("\"%1\" is not a uuid").arg(s));
        } else if (format == QLatin1String("duration")) {
            if (!durationRe().match(s).hasMatch())
                ctx.error(path, QStringLiteral("\"%1\" is not an ISO 8601 duration").arg(s));
        } else if (format == QLatin1String("byte")) {
            if (!base64Re().match(s).hasMatch())
                ctx.error(path, QStringLiteral("\"%1\" is not base64").arg(s.left(40)));
        }
        const QString pattern = schema.value(QStringLiteral("pattern")).toString();
        if (!pattern.isEmpty()) {
            const QRegularExpression re(pattern);
            if (!re.isValid()) {
                if (!ctx.reportedBadPatterns.contains(pattern)) {
                    ctx.reportedBadPatterns.insert(pattern);
                    ctx.warning(path, QStringLiteral("pattern '%1' is not a valid regular expression here").arg(pattern));
                }
            } else if (!re.match(s).hasMatch()) {
                ctx.error(path, QStringLiteral("\"%1\" does not match the pattern '%2'").arg(s, pattern));
            }
        }
        if (schema.contains(QStringLiteral("minLength")) && s.size() < schema.value(QStringLiteral("minLength")).toInt())
            ctx.error(path, QStringLiteral("\"%1\" is shorter than minLength %2").arg(s).arg(schema.value(QStringLiteral("minLength")).toInt()));
        if (schema.contains(QStringLiteral("maxLength")) && s.size() > schema.value(QStringLiteral("maxLength")).toInt())
            ctx.error(path, QStringLiteral("\"%1\" is longer than maxLength %2").arg(s.left(40)).arg(schema.value(QStringLiteral("maxLength")).toInt()));
    } else if (value.isDouble()) {
        const double d = value.toDouble();
        if (format == QLatin1String("int32") && (d < -2147483648.0 || d > 2147483647.0))
            ctx.error(path, QStringLiteral("%1 is out of the int32 range").arg(shortJson(value)));
        else if (format == QLatin1String("int64") && (d < -9223372036854775808.0 || d >= 9223372036854775808.0))
            ctx.error(path, QStringLiteral("%1 is out of the int64 range").arg(shortJson(value)));
        if (schema.contains(QStringLiteral("minimum")) && d < schema.value(QStringLiteral("minimum")).toDouble())
            ctx.error(path, QStringLiteral("%1 is below the minimum %2").arg(shortJson(value), shortJson(schema.value(QStringLiteral("minimum")))));
        if (schema.contains(QStringLiteral("maximum")) && d > schema.value(QStringLiteral("maximum")).toDouble())
            ctx.error(path, QStringLiteral("%1 is above the maximum %2").arg(shortJson(value), shortJson(schema.value(QStringLiteral("maximum")))));
    }
}

} // namespace Dps::Test
