// The only place that touches QNetworkAccessManager (STYLE.md section 2). One reply per attempt:
// a QTimer enforces the attempt's timeout, the cancellation token aborts it, TLS errors are never
// ignored (the sandbox's self-signed certificate is trusted by adding it as a CA instead).
#include "Policies.h"

#include <algorithm>

#include <QCoreApplication>
#include <QUrl>
#include <QNetworkRequest>
#include <QPointer>
#include <QSslConfiguration>
#include <QSslError>
#include <QTimer>

namespace Dps::Http {

namespace {

struct ReplyState
{
    bool timedOut = false;
    bool cancelled = false;
    int cancelId = 0;
    QStringList sslErrors;
};

// One per reply in flight, owned by the transport: destroying the transport aborts what it started
// (without calling back: the transport, and whoever it would answer, is going away).
class ReplyGuard : public QObject
{
public:
    ReplyGuard(QNetworkReply *reply, QObject *parent)
        : QObject(parent)
        , reply(reply)
    {}
    ~ReplyGuard() override
    {
        if (!reply)
            return;
        QObject::disconnect(reply, nullptr, this, nullptr);
        if (!reply->isFinished())
            reply->abort();
        reply->deleteLater();
    }
    QPointer<QNetworkReply> reply;
};

// Qt's messages quote the URL, query and all; only the redacted form may leave the transport.
QString sanitized(QString message, const QUrl &url)
{
    const QString redacted = LogPolicy::redactedUrl(url);
    for (const QString &form :
         {url.toString(), url.toString(QUrl::FullyEncoded), url.toDisplayString()}) {
        if (!form.isEmpty())
            message.replace(form, redacted);
    }
    return message;
}

} // namespace

QnamTransport::QnamTransport(QNetworkAccessManager *nam, QList<QSslCertificate> extraCaCertificates,
                             QList<QUrl> extraCaOrigins)
    : m_nam(nam)
    , m_extraCa(std::move(extraCaCertificates))
    , m_extraCaOrigins(std::move(extraCaOrigins))
{}

bool QnamTransport::sameOrigin(const QUrl &a, const QUrl &b)
{
    const QString scheme = a.scheme().toLower();
    const int defaultPort = scheme == QLatin1String("https") ? 443 : 80;
    return scheme == b.scheme().toLower() && a.host().compare(b.host(), Qt::CaseInsensitive) == 0
           && a.port(defaultPort) == b.port(defaultPort);
}

void QnamTransport::send(HttpRequest request, const NextPolicy &, HttpCallback done)
{
    if (!m_nam) {
        HttpResponse r;
        r.networkError = QNetworkReply::UnknownNetworkError;
        r.errorString = QCoreApplication::translate(
            "Dps::Http::QnamTransport",
            "The network is not available (the application is shutting down).");
        done(std::move(r));
        return;
    }
    if (request.cancellation && request.cancellation->isCancelled()) {
        HttpResponse r;
        r.cancelled = true;
        r.networkError = QNetworkReply::OperationCanceledError;
        r.errorString = QCoreApplication::translate("Dps::Http::RetryPolicy",
                                                    "The request was cancelled.");
        done(std::move(r));
        return;
    }

    QNetworkRequest nr(request.url);
    for (const auto &h : request.headers)
        nr.setRawHeader(h.first, h.second);
    // Redirects could carry the bearer token elsewhere; ARM never redirects. No cache, no cookies.
    nr.setAttribute(QNetworkRequest::RedirectPolicyAttribute, QNetworkRequest::ManualRedirectPolicy);
    nr.setAttribute(QNetworkRequest::Http2AllowedAttribute, false);
    nr.setAttribute(QNetworkRequest::CacheLoadControlAttribute, QNetworkRequest::AlwaysNetwork);
    nr.setAttribute(QNetworkRequest::CacheSaveControlAttribute, false);
    nr.setAttribute(QNetworkRequest::CookieLoadControlAttribute, QNetworkRequest::Manual);
    nr.setAttribute(QNetworkRequest::CookieSaveControlAttribute, QNetworkRequest::Manual);
    if (request.url.scheme().compare(QLatin1String("https"), Qt::CaseInsensitive) == 0) {
        QSslConfiguration ssl = QSslConfiguration::defaultConfiguration();
        ssl.setProtocol(QSsl::TlsV1_2OrLater);
        if (!m_extraCa.isEmpty()
            && std::any_of(m_extraCaOrigins.cbegin(), m_extraCaOrigins.cend(),
                           [&](const QUrl &origin) { return sameOrigin(origin, request.url); }))
            ssl.addCaCertificates(m_extraCa);
        nr.setSslConfiguration(ssl);
    }
    const QByteArray method = request.method.toUpper();
    const bool hasBodyMethod = method == "POST" || method == "PUT" || method == "PATCH";
    if (hasBodyMethod && request.body.isEmpty()
        && nr.header(QNetworkRequest::ContentLengthHeader).isNull())
        nr.setHeader(QNetworkRequest::ContentLengthHeader,
                     0); // ARM answers 411 to a bodiless POST without it

    QNetworkReply *reply = method == "HEAD" ? m_nam->head(nr)
                                            : m_nam->sendCustomRequest(nr, method, request.body);
    auto *guard = new ReplyGuard(reply, &m_context);

    auto state = std::make_shared<ReplyState>();
    const QPointer<QNetworkReply> weakReply(reply);
    if (request.timeoutMs > 0) {
        auto *timer = new QTimer(reply);
        timer->setSingleShot(true);
        timer->setTimerType(Qt::PreciseTimer);
        QObject::connect(timer, &QTimer::timeout, reply, [state, weakReply] {
            if (weakReply && !weakReply->isFinished()) {
                state->timedOut = true;
                weakReply->abort();
            }
        });
        timer->start(request.timeoutMs);
    }
    const CancellationTokenPtr cancellation = request.cancellation;
    if (cancellation) {
        state->cancelId = cancellation->onCancel([state, weakReply] {
            if (weakReply && !weakReply->isFinished()) {
                state->cancelled = true;
                weakReply->abort();
            }
        });
    }
    QObject::connect(reply,
                     &QNetworkReply::sslErrors,
                     guard,
                     [state](const QList<QSslError> &errors) {
                         // Never ignored: the handshake fails and the reply finishes with
                         // SslHandshakeFailedError.
                         for (const QSslError &e : errors)
                             state->sslErrors.append(e.errorString());
                     });
    const QUrl url = request.url;
    const int timeoutMs = request.timeoutMs;
    QObject::connect(
        reply,
        &QNetworkReply::finished,
        guard,
        [reply, guard, state, cancellation, url, timeoutMs, done = std::move(done)] {
            if (cancellation && state->cancelId)
                cancellation->remove(state->cancelId);
            HttpResponse r;
            if (state->timedOut) {
                r.timedOut = true;
                r.networkError = QNetworkReply::TimeoutError;
                r.errorString = QCoreApplication::translate("Dps::Http::QnamTransport",
                                                            "%1 did not answer within %2 seconds.")
                                    .arg(url.host())
                                    .arg(timeoutMs / 1000.0);
            } else if (state->cancelled) {
                r.cancelled = true;
                r.networkError = QNetworkReply::OperationCanceledError;
                r.errorString = QCoreApplication::translate("Dps::Http::RetryPolicy",
                                                            "The request was cancelled.");
            } else {
                r.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
                r.networkError = reply->error();
                r.headers = reply->rawHeaderPairs();
                r.body = reply->readAll();
                if (r.status == 0) {
                    r.errorString = sanitized(reply->errorString(), url);
                    if (!state->sslErrors.isEmpty()
                        && !r.errorString.contains(state->sslErrors.first()))
                        r.errorString += QStringLiteral(" (")
                                         + state->sslErrors.join(QStringLiteral("; "))
                                         + QLatin1Char(')');
                } else if (r.networkError != QNetworkReply::NoError) {
                    r.errorString
                        = QStringLiteral("HTTP %1 %2")
                              .arg(r.status)
                              .arg(reply->attribute(QNetworkRequest::HttpReasonPhraseAttribute)
                                       .toString());
                }
            }
            guard->reply = nullptr;
            // Off the transport: this connection's `done` may hold the last reference to the
            // pipeline, so the guard's own deferred delete can destroy the transport (and its
            // m_context); as a child of m_context the guard would then be deleted twice.
            guard->setParent(nullptr);
            guard->deleteLater();
            reply->deleteLater();
            done(std::move(r));
        });
}

} // namespace Dps::Http
