#include "HttpTypes.h"

#include <QJsonArray>

namespace Dps::Sandbox {

QString Request::queryValue(const QString &key) const
{
    const auto items = query.queryItems(QUrl::FullyDecoded);
    for (const auto &item : items) {
        if (item.first.compare(key, Qt::CaseInsensitive) == 0)
            return item.second;
    }
    return {};
}

bool Request::hasQuery(const QString &key) const
{
    const auto items = query.queryItems(QUrl::FullyDecoded);
    for (const auto &item : items) {
        if (item.first.compare(key, Qt::CaseInsensitive) == 0)
            return true;
    }
    return false;
}

QUrl Request::absoluteUrl(const QString &path, const QUrlQuery &q) const
{
    QUrl url = baseUrl;
    url.setPath(path);
    if (!q.isEmpty())
        url.setQuery(q);
    return url;
}

void Response::setHeader(const QByteArray &name, const QByteArray &value)
{
    for (auto &h : headers) {
        if (h.first.compare(name, Qt::CaseInsensitive) == 0) {
            h.second = value;
            return;
        }
    }
    headers.append({name, value});
}

QByteArray Response::header(const QByteArray &name) const
{
    for (const auto &h : headers) {
        if (h.first.compare(name, Qt::CaseInsensitive) == 0)
            return h.second;
    }
    return {};
}

Response Response::json(int status, const QJsonObject &body)
{
    return json(status, QJsonDocument(body));
}

Response Response::json(int status, const QJsonDocument &body)
{
    Response r;
    r.status = status;
    r.body = body.toJson(QJsonDocument::Compact);
    r.setHeader("Content-Type", "application/json; charset=utf-8");
    return r;
}

Response Response::empty(int status)
{
    Response r;
    r.status = status;
    return r;
}

Response Response::html(int status, const QString &html)
{
    Response r;
    r.status = status;
    r.body = html.toUtf8();
    r.setHeader("Content-Type", "text/html; charset=utf-8");
    return r;
}

Response Response::armError(int status, const QString &code, const QString &message,
                            const QString &target, const QJsonArray *details)
{
    QJsonObject error{{QStringLiteral("code"), code}, {QStringLiteral("message"), message}};
    if (!target.isEmpty())
        error.insert(QStringLiteral("target"), target);
    if (details)
        error.insert(QStringLiteral("details"), *details);
    return json(status, QJsonObject{{QStringLiteral("error"), error}});
}

Response Response::flatError(int status, const QJsonValue &code, const QString &message, const QString &details)
{
    QJsonObject body{{QStringLiteral("code"), code},
                     {QStringLiteral("httpStatusCode"), httpStatusName(status)},
                     {QStringLiteral("message"), message}};
    if (!details.isEmpty())
        body.insert(QStringLiteral("details"), details);
    return json(status, body);
}

QByteArray reasonPhrase(int status)
{
    switch (status) {
    case 200: return "OK";
    case 201: return "Created";
    case 202: return "Accepted";
    case 204: return "No Content";
    case 302: return "Found";
    case 400: return "Bad Request";
    case 401: return "Unauthorized";
    case 403: return "Forbidden";
    case 404: return "Not Found";
    case 405: return "Method Not Allowed";
    case 409: return "Conflict";
    case 411: return "Length Required";
    case 412: return "Precondition Failed";
    case 413: return "Payload Too Large";
    case 415: return "Unsupported Media Type";
    case 429: return "Too Many Requests";
    case 500: return "Internal Server Error";
    case 502: return "Bad Gateway";
    case 503: return "Service Unavailable";
    case 504: return "Gateway Timeout";
    default: return "Status";
    }
}

QString httpStatusName(int status)
{
    switch (status) {
    case 400: return QStringLiteral("BadRequest");
    case 401: return QStringLiteral("Unauthorized");
    case 403: return QStringLiteral("Forbidden");
    case 404: return QStringLiteral("NotFound");
    case 409: return QStringLiteral("Conflict");
    case 412: return QStringLiteral("PreconditionFailed");
    case 429: return QStringLiteral("TooManyRequests");
    case 500: return QStringLiteral("InternalServerError");
    case 503: return QStringLiteral("ServiceUnavailable");
    default: return QString::number(status);
    }
}

} // namespace Dps::Sandbox
