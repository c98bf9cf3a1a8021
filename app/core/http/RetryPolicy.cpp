// Retries with the server's delay or exponential back-off; never blocks (STYLE.md section 2).
// Differs from azure-core's retry_policy.cpp, which sleeps the thread, leaves out 429 and can't
// parse HTTP-dates. Throttling and Retry-After: azure-arm.md section 7.4.
#include "Policies.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QRandomGenerator>
#include <QRegularExpression>

#include <cmath>

namespace Dps::Http {

struct RetryPolicy::Attempt
{
    Attempt(HttpRequest r, NextPolicy n, HttpCallback d)
        : request(std::move(r))
        , next(std::move(n))
        , done(std::move(d))
    {}

    HttpRequest request;
    NextPolicy next;
    HttpCallback done;
    int attempts = 0;
    int retries = 0;
    qint64 waitedMs = 0;
    bool waiting = false;
    bool finished = false;
    int cancelId = 0;

    void finish(HttpResponse response)
    {
        if (finished)
            return;
        finished = true;
        waiting = false;
        if (request.cancellation && cancelId)
            request.cancellation->remove(cancelId);
        response.attempts = qMax(1, attempts);
        const HttpCallback callback = std::move(done);
        callback(std::move(response));
    }
};

namespace {

HttpResponse cancelledResponse()
{
    HttpResponse r;
    r.cancelled = true;
    r.networkError = QNetworkReply::OperationCanceledError;
    r.errorString = QCoreApplication::translate("Dps::Http::RetryPolicy",
                                                "The request was cancelled.");
    return r;
}

qint64 clampDelay(double ms)
{
    if (!std::isfinite(ms) || ms < 0)
        return -1;
    return qint64(std::min(ms, 1e12)); // ~31 years: far beyond any cap, no overflow
}

int monthFromName(const QString &name)
{
    static const QStringList months{QStringLiteral("jan"),
                                    QStringLiteral("feb"),
                                    QStringLiteral("mar"),
                                    QStringLiteral("apr"),
                                    QStringLiteral("may"),
                                    QStringLiteral("jun"),
                                    QStringLiteral("jul"),
                                    QStringLiteral("aug"),
                                    QStringLiteral("sep"),
                                    QStringLiteral("oct"),
                                    QStringLiteral("nov"),
                                    QStringLiteral("dec")};
    return int(months.indexOf(name.toLower())) + 1; // 0: unknown
}

qint64 toEpochMs(int year, int month, int day, int hour, int minute, int second)
{
    const QDate date(year, month, day);
    const QTime time(hour, minute, second);
    if (!date.isValid() || !time.isValid())
        return -1;
    return QDateTime(date, time, Qt::UTC).toMSecsSinceEpoch();
}

// Network errors that another attempt can't fix (or that are ours, not the network's).
bool isPermanentNetworkError(QNetworkReply::NetworkError error)
{
    switch (error) {
    case QNetworkReply::OperationCanceledError:
    case QNetworkReply::SslHandshakeFailedError:
    case QNetworkReply::ProtocolUnknownError:
    case QNetworkReply::ProtocolInvalidOperationError:
    case QNetworkReply::AuthenticationRequiredError:
    case QNetworkReply::InsecureRedirectError:
    case QNetworkReply::TooManyRedirectsError:
        return true;
    default:
        return false;
    }
}

} // namespace

RetryPolicy::RetryPolicy(RetryOptions options,
                         std::shared_ptr<Clock> clock,
                         std::function<double()> jitter)
    : m_options(options)
    , m_clock(std::move(clock))
    , m_jitter(std::move(jitter))
{
    Q_ASSERT(m_clock);
    if (!m_jitter)
        m_jitter = [] { return 0.8 + QRandomGenerator::global()->generateDouble() * 0.5; };
}

qint64 RetryPolicy::parseHttpDate(const QByteArray &value)
{
    const QString s = QString::fromLatin1(value).simplified();
    // IMF-fixdate: Sun, 06 Nov 1994 08:49:37 GMT
    static const QRegularExpression imf(QStringLiteral(
        R"(^[A-Za-z]{3}, (\d{1,2}) ([A-Za-z]{3}) (\d{4}) (\d{2}):(\d{2}):(\d{2}) (GMT|UTC)$)"));
    // Obsolete RFC 850: Sunday, 06-Nov-94 08:49:37 GMT
    static const QRegularExpression rfc850(QStringLiteral(
        R"(^[A-Za-z]+, (\d{1,2})-([A-Za-z]{3})-(\d{2}) (\d{2}):(\d{2}):(\d{2}) (GMT|UTC)$)"));
    // Obsolete asctime: Sun Nov  6 08:49:37 1994 (simplified() folded the double space)
    static const QRegularExpression asctime(
        QStringLiteral(R"(^[A-Za-z]{3} ([A-Za-z]{3}) (\d{1,2}) (\d{2}):(\d{2}):(\d{2}) (\d{4})$)"));

    QRegularExpressionMatch m = imf.match(s);
    if (m.hasMatch()) {
        return toEpochMs(m.captured(3).toInt(),
                         monthFromName(m.captured(2)),
                         m.captured(1).toInt(),
                         m.captured(4).toInt(),
                         m.captured(5).toInt(),
                         m.captured(6).toInt());
    }
    m = rfc850.match(s);
    if (m.hasMatch()) {
        // RFC 9110 5.6.7: a two-digit year more than 50 years ahead is in the past century.
        const int thisYear = QDate::currentDate().year();
        int year = (thisYear / 100) * 100 + m.captured(3).toInt();
        if (year > thisYear + 50)
            year -= 100;
        return toEpochMs(year,
                         monthFromName(m.captured(2)),
                         m.captured(1).toInt(),
                         m.captured(4).toInt(),
                         m.captured(5).toInt(),
                         m.captured(6).toInt());
    }
    m = asctime.match(s);
    if (m.hasMatch()) {
        return toEpochMs(m.captured(6).toInt(),
                         monthFromName(m.captured(1)),
                         m.captured(2).toInt(),
                         m.captured(3).toInt(),
                         m.captured(4).toInt(),
                         m.captured(5).toInt());
    }
    return -1;
}

qint64 RetryPolicy::serverDelayMs(const HttpResponse &response, qint64 nowMs)
{
    // Milliseconds first: they are more precise than Retry-After's seconds (azure-core does the
    // same).
    for (const char *name : {"retry-after-ms", "x-ms-retry-after-ms"}) {
        const QByteArray value = response.header(name).trimmed();
        if (value.isEmpty())
            continue;
        bool ok = false;
        const double ms = value.toDouble(&ok);
        if (ok && ms >= 0)
            return clampDelay(ms);
    }
    const QByteArray retryAfter = response.header("Retry-After").trimmed();
    if (retryAfter.isEmpty())
        return -1;
    bool ok = false;
    const double seconds = retryAfter.toDouble(&ok);
    if (ok)
        return seconds >= 0 ? clampDelay(std::ceil(seconds * 1000)) : -1;
    const qint64 at = parseHttpDate(retryAfter);
    if (at < 0)
        return -1;
    return qMax<qint64>(0, at - nowMs);
}

bool RetryPolicy::isRetriable(const HttpRequest &request, const HttpResponse &response)
{
    if (response.cancelled)
        return false;
    if (response.status == 0) {
        // The request may have reached the server: only idempotent requests can be sent again.
        return request.isIdempotent() && !isPermanentNetworkError(response.networkError);
    }
    switch (response.status) {
    case 408:
    case 500:
    case 502:
    case 504:
        return request.isIdempotent();
    case 429:
    case 503:
        // A throttled or unavailable answer that names a delay was not processed: any method may
        // retry.
        return request.isIdempotent() || serverDelayMs(response, 0) >= 0;
    default:
        return false;
    }
}

void RetryPolicy::send(HttpRequest request, const NextPolicy &next, HttpCallback done)
{
    auto state = std::make_shared<Attempt>(std::move(request), next, std::move(done));
    if (state->request.cancellation) {
        std::weak_ptr<Attempt> weak = state;
        state->cancelId = state->request.cancellation->onCancel([weak] {
            // During a wait nothing else will answer: complete now. During an attempt the transport
            // aborts its reply and answers "cancelled".
            if (auto s = weak.lock(); s && s->waiting)
                s->finish(cancelledResponse());
        });
        if (state->finished)
            return;
    }
    attempt(state);
}

void RetryPolicy::attempt(std::shared_ptr<Attempt> state)
{
    if (state->finished)
        return;
    if (state->request.cancellation && state->request.cancellation->isCancelled()) {
        state->finish(cancelledResponse());
        return;
    }
    ++state->attempts;
    state->next(state->request, [this, state](HttpResponse response) {
        if (state->finished)
            return;
        const bool cancelled = state->request.cancellation
                               && state->request.cancellation->isCancelled();
        if (cancelled || !isRetriable(state->request, response)
            || state->retries >= m_options.maxRetries) {
            state->finish(std::move(response));
            return;
        }
        const qint64 serverDelay = serverDelayMs(response, m_clock->nowMs());
        qint64 delay = serverDelay;
        if (serverDelay > m_options.maxDelayMs) {
            // Retrying sooner than the server asked would only be throttled again; hand the answer
            // (with its Retry-After) to the caller, which can tell the person how long to wait.
            qCInfo(lcHttp).noquote()
                << "Not retrying" << state->request.method
                << LogPolicy::redactedUrl(state->request.url) << "- the server asks for"
                << serverDelay << "ms, more than the" << m_options.maxDelayMs << "ms limit";
            state->finish(std::move(response));
            return;
        }
        if (serverDelay < 0) {
            const double backoff = double(m_options.baseDelayMs) * std::pow(2.0, state->retries)
                                   * m_jitter();
            delay = qint64(std::min(backoff, double(m_options.maxDelayMs)));
        }
        if (state->waitedMs + delay > m_options.maxTotalWaitMs) {
            qCInfo(lcHttp).noquote()
                << "Not retrying" << state->request.method
                << LogPolicy::redactedUrl(state->request.url) << "- waiting" << delay
                << "ms more would exceed the" << m_options.maxTotalWaitMs << "ms budget";
            state->finish(std::move(response));
            return;
        }
        ++state->retries;
        state->waitedMs += delay;
        state->waiting = true;
        qCInfo(lcHttp).noquote() << "Retrying" << state->request.method
                                 << LogPolicy::redactedUrl(state->request.url) << "in" << delay
                                 << "ms (retry" << state->retries << "of" << m_options.maxRetries
                                 << "after"
                                 << (response.status ? QString::number(response.status)
                                                     : QStringLiteral("a transport error"))
                                 << (serverDelay >= 0 ? "as the server asked)" : "with back-off)");
        m_clock->callLater(int(delay), &m_context, [this, state] {
            if (state->finished)
                return;
            state->waiting = false;
            attempt(state);
        });
    });
}

} // namespace Dps::Http
