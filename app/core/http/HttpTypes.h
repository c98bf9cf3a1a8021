#pragma once

#include <QByteArray>
#include <QList>
#include <QNetworkReply>
#include <QPair>
#include <QString>
#include <QUrl>

#include <functional>
#include <memory>

namespace Dps::Http {

// Cooperative cancellation shared by everything working on one logical call: the transport aborts its
// reply, the retry policy stops waiting, the LRO poller stops polling.
class CancellationToken
{
public:
    void cancel();
    bool isCancelled() const { return m_cancelled; }
    // Called once when cancel() is first called (immediately if it already was). Returns an id for remove().
    int onCancel(std::function<void()> callback);
    void remove(int id);

private:
    bool m_cancelled = false;
    int m_nextId = 1;
    QList<QPair<int, std::function<void()>>> m_callbacks;
};
using CancellationTokenPtr = std::shared_ptr<CancellationToken>;

struct HttpRequest
{
    QByteArray method = "GET";
    QUrl url;
    QList<QPair<QByteArray, QByteArray>> headers;
    QByteArray body;
    int timeoutMs = 60000;          // per attempt
    QString tenantId;               // whose token the bearer policy attaches (empty: the credential's default)
    QString scope;                  // token scope (empty: the pipeline's default, ARM)
    CancellationTokenPtr cancellation;

    void setHeader(const QByteArray &name, const QByteArray &value);
    QByteArray header(const QByteArray &name) const;
    bool isIdempotent() const; // GET, HEAD, PUT, DELETE, OPTIONS
};

struct HttpResponse
{
    int status = 0; // 0: no HTTP answer (transport error, timeout, cancelled)
    QList<QPair<QByteArray, QByteArray>> headers;
    QByteArray body;
    QNetworkReply::NetworkError networkError = QNetworkReply::NoError;
    QString errorString;    // for people; never holds the URL's query or a secret
    QString errorCode;      // set when the pipeline itself failed the call: "HttpsRequired", or the
                            // AuthError code ("invalid_client", "network", ...) when no token was had
    bool cancelled = false;
    bool timedOut = false;
    int attempts = 1;

    QByteArray header(const QByteArray &name) const;
    bool isTransportError() const { return status == 0; }
    bool isSuccess() const { return status >= 200 && status < 300; }
};

using HttpCallback = std::function<void(HttpResponse)>;

} // namespace Dps::Http
