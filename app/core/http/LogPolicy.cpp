// Request/response logging from an allow-list (azure-core log_policy.cpp, http_sanitizer.cpp).
// Bodies are never logged: listKeys returns keys, the token endpoint returns tokens and receives
// secrets.
#include "Policies.h"

#include <QElapsedTimer>
#include <QUrlQuery>

// Quiet by default (the CLI writes progress to stderr): QT_LOGGING_RULES="dps.http.debug=true"
// shows it all.
Q_LOGGING_CATEGORY(lcHttp, "dps.http", QtWarningMsg)

namespace Dps::Http {

namespace {

const QByteArray kRedacted = "REDACTED";

bool isAllowedHeader(const QByteArray &name)
{
    static const QList<QByteArray> allowed{"x-ms-request-id",
                                           "x-ms-correlation-request-id",
                                           "x-ms-client-request-id",
                                           "retry-after",
                                           "retry-after-ms",
                                           "x-ms-retry-after-ms",
                                           "content-type"};
    const QByteArray lower = name.toLower();
    return allowed.contains(lower);
}

bool isAllowedQueryKey(const QString &key)
{
    return key.compare(QLatin1String("api-version"), Qt::CaseInsensitive) == 0;
}

QString describeFailure(const HttpResponse &r)
{
    if (r.cancelled)
        return QStringLiteral("cancelled");
    if (r.timedOut)
        return QStringLiteral("timed out");
    // errorString never holds the URL's query (the transport sanitises it) nor a secret.
    const QString code = !r.errorCode.isEmpty()
                             ? r.errorCode
                             : QStringLiteral("network error %1").arg(int(r.networkError));
    return r.errorString.isEmpty() ? code : code + QStringLiteral(" - ") + r.errorString;
}

} // namespace

QString LogPolicy::redactedUrl(const QUrl &url)
{
    QUrl copy = url.adjusted(QUrl::RemoveUserInfo | QUrl::RemoveFragment);
    if (copy.hasQuery()) {
        const QUrlQuery query(url);
        QUrlQuery redacted;
        for (const auto &item : query.queryItems(QUrl::FullyDecoded)) {
            redacted.addQueryItem(item.first,
                                  isAllowedQueryKey(item.first) ? item.second
                                                                : QString::fromLatin1(kRedacted));
        }
        copy.setQuery(redacted);
    }
    return copy.toString(QUrl::FullyEncoded);
}

QString LogPolicy::redactedHeaders(const QList<QPair<QByteArray, QByteArray>> &headers)
{
    QStringList lines;
    lines.reserve(headers.size());
    for (const auto &h : headers) {
        const QByteArray value = isAllowedHeader(h.first) ? h.second : kRedacted;
        lines.append(QString::fromLatin1(h.first) + QStringLiteral(": ")
                     + QString::fromLatin1(value));
    }
    return lines.join(QStringLiteral(", "));
}

void LogPolicy::send(HttpRequest request, const NextPolicy &next, HttpCallback done)
{
    const QString url = redactedUrl(request.url);
    const QByteArray method = request.method;
    qCDebug(lcHttp).noquote() << "Request" << method << url
                              << '[' + redactedHeaders(request.headers) + ']';
    QElapsedTimer timer;
    timer.start();
    next(std::move(request), [done = std::move(done), url, method, timer](HttpResponse response) {
        const qint64 ms = timer.elapsed();
        if (response.status != 0) {
            qCInfo(lcHttp).noquote() << "Response" << response.status << method << url
                                     << QStringLiteral("(%1 ms)").arg(ms)
                                     << '[' + redactedHeaders(response.headers) + ']';
        } else {
            qCInfo(lcHttp).noquote()
                << "Failed" << method << url << QStringLiteral("(%1 ms):").arg(ms)
                << describeFailure(response);
        }
        done(std::move(response));
    });
}

} // namespace Dps::Http
