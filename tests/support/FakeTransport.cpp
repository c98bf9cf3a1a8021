#include "FakeTransport.h"

#include <QCoreApplication>
#include <QDeadlineTimer>
#include <QJsonDocument>
#include <QPointer>
#include <QTest>

namespace Dps::Test {

namespace {

Http::HttpResponse cancelled()
{
    Http::HttpResponse r;
    r.cancelled = true;
    r.networkError = QNetworkReply::OperationCanceledError;
    r.errorString = QStringLiteral("cancelled");
    return r;
}

} // namespace

Http::HttpResponse FakeTransport::response(int status,
                                           const Headers &headers,
                                           const QByteArray &body)
{
    Http::HttpResponse r;
    r.status = status;
    r.headers = headers;
    r.body = body;
    return r;
}

Http::HttpResponse FakeTransport::json(int status, const QJsonObject &body, const Headers &headers)
{
    Headers h = headers;
    h.append(qMakePair(QByteArray("Content-Type"), QByteArray("application/json; charset=utf-8")));
    return response(status, h, QJsonDocument(body).toJson(QJsonDocument::Compact));
}

Http::HttpResponse FakeTransport::networkError(QNetworkReply::NetworkError error)
{
    Http::HttpResponse r;
    r.networkError = error;
    r.errorString = QStringLiteral("fake network error %1").arg(int(error));
    return r;
}

void FakeTransport::enqueue(Http::HttpResponse response)
{
    m_script.push_back(Entry{false, std::move(response)});
}

void FakeTransport::enqueue(int status, const Headers &headers, const QByteArray &body)
{
    enqueue(response(status, headers, body));
}

void FakeTransport::enqueueJson(int status, const QJsonObject &body, const Headers &headers)
{
    enqueue(json(status, body, headers));
}

void FakeTransport::enqueueNetworkError(QNetworkReply::NetworkError error)
{
    enqueue(networkError(error));
}

void FakeTransport::enqueueHang()
{
    m_script.push_back(Entry{true, {}});
}

void FakeTransport::answerLater(const Http::HttpRequest &request,
                                Http::HttpResponse response,
                                Http::HttpCallback done)
{
    const Http::CancellationTokenPtr cancellation = request.cancellation;
    QMetaObject::invokeMethod(
        &m_context,
        [cancellation, response = std::move(response), done = std::move(done)] {
            done(cancellation && cancellation->isCancelled() ? cancelled() : response);
        },
        Qt::QueuedConnection);
}

void FakeTransport::send(Http::HttpRequest request,
                         const Http::NextPolicy &,
                         Http::HttpCallback done)
{
    m_requests.append(request);
    if (!m_script.empty()) {
        Entry entry = std::move(m_script.front());
        m_script.pop_front();
        if (entry.hang) {
            if (request.cancellation) {
                auto shared = std::make_shared<Http::HttpCallback>(std::move(done));
                QPointer<QObject> context(&m_context);
                request.cancellation->onCancel([context, shared] {
                    if (!context || !*shared)
                        return;
                    QMetaObject::invokeMethod(
                        context.data(), [shared] { (*shared)(cancelled()); }, Qt::QueuedConnection);
                });
            }
            return;
        }
        answerLater(request, std::move(entry.response), std::move(done));
        return;
    }
    if (m_handler) {
        if (auto r = m_handler(request)) {
            answerLater(request, std::move(*r), std::move(done));
            return;
        }
    }
    Http::HttpResponse r;
    r.networkError = QNetworkReply::ProtocolFailure;
    r.errorString = QStringLiteral("FakeTransport: no scripted response for %1 %2")
                        .arg(QString::fromLatin1(request.method), request.url.toString());
    answerLater(request, std::move(r), std::move(done));
}

std::shared_ptr<Http::Pipeline> makeTestPipeline(std::vector<std::shared_ptr<Http::Policy>> policies,
                                                 std::shared_ptr<FakeTransport> transport)
{
    policies.push_back(std::move(transport));
    return std::make_shared<Http::Pipeline>(std::move(policies));
}

std::optional<Http::HttpResponse> sendAndWait(const Http::Pipeline &pipeline,
                                              Http::HttpRequest request,
                                              int timeoutMs,
                                              const std::function<void()> &advance)
{
    auto result = std::make_shared<std::optional<Http::HttpResponse>>();
    pipeline.send(std::move(request), [result](Http::HttpResponse r) { *result = std::move(r); });
    QDeadlineTimer deadline(timeoutMs);
    while (!result->has_value() && !deadline.hasExpired()) {
        QCoreApplication::processEvents(QEventLoop::AllEvents, 10);
        if (result->has_value())
            break;
        if (advance)
            advance();
        QCoreApplication::sendPostedEvents();
        if (!result->has_value())
            QTest::qWait(1);
    }
    return *result;
}

} // namespace Dps::Test
