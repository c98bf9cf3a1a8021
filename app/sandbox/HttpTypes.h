#pragma once

#include <QByteArray>
#include <QHash>
#include <QJsonDocument>
#include <QJsonObject>
#include <QJsonValue>
#include <QList>
#include <QPair>
#include <QString>
#include <QStringList>
#include <QUrl>
#include <QUrlQuery>

namespace Dps::Sandbox {

// Who a validated bearer token says is calling (filled in by ArmAuth for ARM routes).
struct Caller
{
    QString objectId;
    QString tenantId;  // the token's `tid`
    QString appId;
    bool isServicePrincipal = false;
};

// One HTTP request as the sandbox's handlers see it: decoded path split into segments, lower-case header
// names, and the scheme/host/port the client used (so absolute URLs we hand out point back the same way).
struct Request
{
    QByteArray method;                    // upper case: GET, PUT, POST, DELETE, PATCH, HEAD, OPTIONS
    QString path;                         // decoded, e.g. /subscriptions/x/resourceGroups/rg
    QStringList segments;                 // path split on '/', empty parts dropped
    QUrlQuery query;
    QHash<QByteArray, QByteArray> headers; // lower-case names
    QByteArray body;
    QUrl baseUrl;                          // scheme://host:port, no path
    Caller caller;
    QStringList params;                    // values of the route's {placeholders}, in order
    QString requestId;
    QString correlationId;

    QByteArray header(const QByteArray &lowerName) const { return headers.value(lowerName); }
    QString queryValue(const QString &key) const; // case-insensitive key, fully decoded
    bool hasQuery(const QString &key) const;
    QString apiVersion() const { return queryValue(QStringLiteral("api-version")); }
    QUrl absoluteUrl(const QString &path, const QUrlQuery &query = {}) const;
};

struct Response
{
    int status = 200;
    QList<QPair<QByteArray, QByteArray>> headers;
    QByteArray body;
    // Set by fault rules: close the connection without answering.
    bool dropConnection = false;
    int delayMs = 0;

    void setHeader(const QByteArray &name, const QByteArray &value);
    QByteArray header(const QByteArray &name) const;
    bool hasHeader(const QByteArray &name) const { return !header(name).isNull(); }

    static Response json(int status, const QJsonObject &body);
    static Response json(int status, const QJsonDocument &body);
    static Response empty(int status);
    static Response html(int status, const QString &html);
    // ARM's wrapped shape: {"error": {"code", "message", "target"?, "details"?}}.
    static Response armError(int status, const QString &code, const QString &message,
                             const QString &target = {}, const QJsonArray *details = nullptr);
    // The Microsoft.Devices resource provider's flat shape: {"code": 400xxx, "httpStatusCode", "message", "details"}.
    // `code` is numeric for DPS (its spec types it int32) and a string for IoT Hub (its spec types it string).
    static Response flatError(int status, const QJsonValue &code, const QString &message, const QString &details = {});
};

QByteArray reasonPhrase(int status);
QString httpStatusName(int status); // "BadRequest", "NotFound", ... as the RP's httpStatusCode field

} // namespace Dps::Sandbox
