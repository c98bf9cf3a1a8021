#pragma once

#include "http/Pipeline.h"

#include <QJsonObject>
#include <QObject>

#include <deque>
#include <optional>

namespace Dps::Test {

// The last policy of a pipeline under test (azure-core test/ut/retry_policy_test.cpp): records
// every request and answers with scripted responses, always asynchronously (queued on the event
// loop, like a QNetworkReply), so ordering bugs show up. When the script is empty the handler
// answers; without a handler the request fails with status 0 and "no scripted response".
//
//     auto transport = std::make_shared<FakeTransport>();
//     transport->enqueue(429, {{"Retry-After", "2"}});
//     transport->enqueueJson(200, QJsonObject{{"value", QJsonArray{}}});
//     auto pipeline = makeTestPipeline({std::make_shared<RetryPolicy>(...)}, transport);
class FakeTransport : public Http::Policy
{
public:
    using Headers = QList<QPair<QByteArray, QByteArray>>;
    // nullopt: "not mine", fall through to the default failure.
    using Handler = std::function<std::optional<Http::HttpResponse>(const Http::HttpRequest &)>;

    void send(Http::HttpRequest request,
              const Http::NextPolicy &next,
              Http::HttpCallback done) override;

    void enqueue(Http::HttpResponse response);
    void enqueue(int status, const Headers &headers = {}, const QByteArray &body = {});
    void enqueueJson(int status, const QJsonObject &body, const Headers &headers = {});
    void enqueueNetworkError(QNetworkReply::NetworkError error
                             = QNetworkReply::ConnectionRefusedError);
    // Never answers, except "cancelled" once the request's cancellation token fires.
    void enqueueHang();
    void setHandler(Handler handler) { m_handler = std::move(handler); }

    QList<Http::HttpRequest> requests() const { return m_requests; }
    int requestCount() const { return int(m_requests.size()); }
    Http::HttpRequest lastRequest() const
    {
        return m_requests.isEmpty() ? Http::HttpRequest() : m_requests.last();
    }
    int pendingScripted() const { return int(m_script.size()); }

    static Http::HttpResponse response(int status,
                                       const Headers &headers = {},
                                       const QByteArray &body = {});
    static Http::HttpResponse json(int status, const QJsonObject &body, const Headers &headers = {});
    static Http::HttpResponse networkError(QNetworkReply::NetworkError error
                                           = QNetworkReply::ConnectionRefusedError);

private:
    struct Entry
    {
        bool hang = false;
        Http::HttpResponse response;
    };
    void answerLater(const Http::HttpRequest &request,
                     Http::HttpResponse response,
                     Http::HttpCallback done);

    std::deque<Entry> m_script;
    Handler m_handler;
    QList<Http::HttpRequest> m_requests;
    QObject m_context; // queued answers die with the transport
};

// A pipeline of `policies` followed by `transport`.
std::shared_ptr<Http::Pipeline> makeTestPipeline(std::vector<std::shared_ptr<Http::Policy>> policies,
                                                 std::shared_ptr<FakeTransport> transport);

// Sends through `pipeline` and waits (processing events, bounded) for the answer. `advance` is
// called while waiting, e.g. to move a FakeClock: [&] { clock->advanceToNext(); }.
std::optional<Http::HttpResponse> sendAndWait(const Http::Pipeline &pipeline,
                                              Http::HttpRequest request,
                                              int timeoutMs = 5000,
                                              const std::function<void()> &advance = {});

} // namespace Dps::Test
