#include "ArmClient.h"

#include "http/OneShot.h"

#include "http/Policies.h"

#include <QDateTime>
#include <QJsonDocument>
#include <QMetaObject>

#include <algorithm>

Q_LOGGING_CATEGORY(lcArm, "dps.arm")

namespace Dps::Arm {

namespace {

constexpr int kMinPollMs = 10;     // a "Retry-After: 0" still yields to the event loop
constexpr int kMaxPollMs = 120000; // RPC allows up to 10 min; an interactive app checks more often
constexpr int kMaxPages = 10000;   // a list that never ends is a server bug, not data

QByteArray headerValue(const QList<QPair<QByteArray, QByteArray>> &headers, const char *name)
{
    for (const auto &h : headers) {
        if (h.first.compare(name, Qt::CaseInsensitive) == 0)
            return h.second;
    }
    return {};
}

// Parses a JSON object body; an empty body is an empty object. False for anything else.
bool parseBody(const QByteArray &body, QJsonObject *out)
{
    if (body.trimmed().isEmpty()) {
        *out = {};
        return true;
    }
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(body, &error);
    if (!doc.isObject())
        return false;
    *out = doc.object();
    return true;
}

QString provisioningStateOf(const QJsonObject &resource)
{
    return resource.value(QLatin1String("properties"))
        .toObject()
        .value(QLatin1String("provisioningState"))
        .toString();
}

bool isTerminal(const QString &status)
{
    return status.compare(QLatin1String("Succeeded"), Qt::CaseInsensitive) == 0
           || status.compare(QLatin1String("Failed"), Qt::CaseInsensitive) == 0
           || status.compare(QLatin1String("Canceled"), Qt::CaseInsensitive) == 0
           || status.compare(QLatin1String("Cancelled"), Qt::CaseInsensitive) == 0;
}

bool isSucceeded(const QString &status)
{
    return status.compare(QLatin1String("Succeeded"), Qt::CaseInsensitive) == 0;
}

// The error of an operation that ended Failed or Canceled: the status body's `error` when there is one
// (azure-arm.md 5), else a generic one; ids come from the reply that reported it.
ArmError operationError(const Http::HttpResponse &response,
                        const QJsonObject &body,
                        const QString &status,
                        const QString &scope)
{
    ArmError e = ArmError::fromResponse(response, scope);
    if (!body.value(QLatin1String("error")).isObject()) {
        const bool canceled = !status.startsWith(QLatin1String("F"), Qt::CaseInsensitive);
        e.code = canceled ? QStringLiteral("OperationCanceled") : QStringLiteral("OperationFailed");
        e.message = QStringLiteral("The operation ended with status %1.").arg(status);
        e.details = {};
        e.target.clear();
    }
    return e;
}

const char *kindName(int kind)
{
    static const char *const names[] = {"async", "location", "resource"};
    return names[kind];
}

} // namespace

QByteArray ArmResponse::header(const QByteArray &name) const
{
    return headerValue(headers, name.constData());
}

// ---- ArmReply / ArmPager / ArmOperation ---------------------------------------------------------
// Results are emitted from the event loop (queued), so a caller connecting right after the call that
// created the object never misses them, whatever the pipeline did synchronously.

ArmReply::ArmReply(QObject *parent)
    : QObject(parent)
    , m_cancellation(std::make_shared<Http::CancellationToken>())
{}

ArmReply::~ArmReply()
{
    if (!m_done)
        m_cancellation->cancel();
}

void ArmReply::cancel()
{
    if (m_done)
        return;
    m_cancellation->cancel();
    fail(ArmError::cancelled());
}

void ArmReply::complete(const ArmResponse &response)
{
    if (m_done)
        return;
    Http::finishOnce(this, m_done, [this, response] { Q_EMIT finished(response); });
}

void ArmReply::fail(const ArmError &error)
{
    if (m_done)
        return;
    Http::finishOnce(this, m_done, [this, error] { Q_EMIT failed(error); });
}

ArmPager::ArmPager(QObject *parent)
    : QObject(parent)
    , m_cancellation(std::make_shared<Http::CancellationToken>())
{}

ArmPager::~ArmPager()
{
    if (!m_done)
        m_cancellation->cancel();
}

void ArmPager::cancel()
{
    if (m_done)
        return;
    m_cancellation->cancel();
    fail(ArmError::cancelled());
}

void ArmPager::complete(const QJsonArray &items)
{
    if (m_done)
        return;
    Http::finishOnce(this, m_done, [this, items] { Q_EMIT finished(items); });
}

void ArmPager::fail(const ArmError &error)
{
    if (m_done)
        return;
    Http::finishOnce(this, m_done, [this, error] { Q_EMIT failed(error); });
}

ArmOperation::ArmOperation(QObject *parent)
    : QObject(parent)
    , m_cancellation(std::make_shared<Http::CancellationToken>())
{}

ArmOperation::~ArmOperation()
{
    if (!m_done)
        m_cancellation->cancel();
}

void ArmOperation::setResumeToken(const QString &token)
{
    if (token == m_resumeToken)
        return;
    m_resumeToken = token;
    QMetaObject::invokeMethod(
        this, [this, token] { Q_EMIT resumeTokenChanged(token); }, Qt::QueuedConnection);
}

void ArmOperation::cancel()
{
    if (m_done)
        return;
    m_cancellation->cancel();
    fail(ArmError::cancelled());
}

void ArmOperation::reportProgress(const QString &status)
{
    if (m_done)
        return;
    QMetaObject::invokeMethod(
        this, [this, status] { Q_EMIT progress(status); }, Qt::QueuedConnection);
}

void ArmOperation::complete(const QJsonObject &resource)
{
    if (m_done)
        return;
    Http::finishOnce(this, m_done, [this, resource] { Q_EMIT finished(resource); });
}

void ArmOperation::fail(const ArmError &error)
{
    if (m_done)
        return;
    m_cancellation
        ->cancel(); // whatever this operation still runs (a composite's other steps) stops too
    Http::finishOnce(this, m_done, [this, error] { Q_EMIT failed(error); });
}

// ---- ArmClient ----------------------------------------------------------------------------------

// One long-running operation being followed (azure-arm.md 5):
//
//   PUT/PATCH/DELETE --> 200/201/204 with a terminal (or no) provisioningState: done
//        |           --> 201/202 (or a non-terminal state) + Azure-AsyncOperation: poll it until status is
//        |               terminal   (else Location: poll until it stops answering 202;
//        |                           else GET the resource until provisioningState is terminal)
//        +--> Succeeded: PUT/PATCH GET the resource for the final body; DELETE finishes with {}.
struct ArmClient::Lro
{
    enum Kind { Async, Location, Resource };
    QPointer<ArmOperation> op;
    QByteArray method;
    QUrl resourceUrl; // with its api-version
    QUrl pollUrl;     // used as given (its api-version may differ)
    Kind kind = Resource;
    QString apiVersion;
    QString tenantId;
    QString scope; // the resource path, for errors
    int polls = 0;

    QString token() const
    {
        const QJsonObject o{{QStringLiteral("v"), 1},
                            {QStringLiteral("method"), QString::fromLatin1(method)},
                            {QStringLiteral("resourceUrl"),
                             resourceUrl.toString(QUrl::FullyEncoded)},
                            {QStringLiteral("pollUrl"), pollUrl.toString(QUrl::FullyEncoded)},
                            {QStringLiteral("kind"), QLatin1String(kindName(kind))},
                            {QStringLiteral("apiVersion"), apiVersion},
                            {QStringLiteral("tenantId"), tenantId}};
        return QString::fromLatin1(QJsonDocument(o).toJson(QJsonDocument::Compact).toBase64());
    }
};

ArmClient::ArmClient(std::shared_ptr<Http::Pipeline> pipeline,
                     Cloud cloud,
                     std::shared_ptr<Http::Clock> clock,
                     QObject *parent)
    : QObject(parent)
    , m_pipeline(std::move(pipeline))
    , m_cloud(std::move(cloud))
    , m_clock(clock ? std::move(clock) : Http::SystemClock::instance())
{
    Q_ASSERT(m_pipeline);
}

QUrl ArmClient::url(const QString &path, const QString &apiVersion, const QString &extraQuery) const
{
    QUrl u = m_cloud.armEndpoint;
    QString base = u.path();
    if (base.endsWith(QLatin1Char('/')))
        base.chop(1);
    u.setPath(base + (path.startsWith(QLatin1Char('/')) ? path : QLatin1Char('/') + path));
    QString query = QStringLiteral("api-version=") + apiVersion;
    if (!extraQuery.isEmpty())
        query += QLatin1Char('&') + extraQuery;
    u.setQuery(query);
    return u;
}

bool ArmClient::isArmUrl(const QUrl &url) const
{
    // Links and polling URLs carry our bearer token: only ever to the ARM endpoint we were given.
    const QUrl &arm = m_cloud.armEndpoint;
    return url.isValid() && url.scheme().compare(arm.scheme(), Qt::CaseInsensitive) == 0
           && url.host().compare(arm.host(), Qt::CaseInsensitive) == 0
           && url.port(arm.scheme() == QLatin1String("https") ? 443 : 80)
                  == arm.port(arm.scheme() == QLatin1String("https") ? 443 : 80);
}

QUrl ArmClient::resolve(const QString &link) const
{
    // RPC requires absolute links; a relative one (the DPS DELETE example) is relative to ARM.
    const QUrl u = QUrl::fromEncoded(link.trimmed().toUtf8());
    return u.isRelative() ? m_cloud.armEndpoint.resolved(u) : u;
}

void ArmClient::send(const QByteArray &method,
                     const QUrl &url,
                     const QJsonObject *body,
                     const QString &tenantId,
                     const QByteArray &ifMatch,
                     const Http::CancellationTokenPtr &cancellation,
                     std::function<void(const Http::HttpResponse &)> done)
{
    Http::HttpRequest request;
    request.method = method;
    request.url = url;
    request.headers.append(qMakePair(QByteArray("Accept"), QByteArray("application/json")));
    if (body) {
        request.body = QJsonDocument(*body).toJson(QJsonDocument::Compact);
        request.headers.append(
            qMakePair(QByteArray("Content-Type"), QByteArray("application/json")));
    }
    if (!ifMatch.isEmpty())
        request.headers.append(qMakePair(QByteArray("If-Match"), ifMatch));
    request.tenantId = tenantId;
    request.scope = m_cloud.armScope;
    request.cancellation = cancellation;
    ++m_requestCount;
    m_pipeline->send(std::move(request),
                     [done = std::move(done)](Http::HttpResponse response) { done(response); });
}

ArmReply *ArmClient::call(const QByteArray &method,
                          const QString &path,
                          const QString &apiVersion,
                          const QJsonObject *body,
                          const QString &tenantId,
                          const QString &ifMatch)
{
    auto *reply = new ArmReply(this);
    QPointer<ArmReply> guard(reply);
    const bool isHead = method == "HEAD";
    send(method,
         url(path, apiVersion),
         body,
         tenantId,
         ifMatch.toUtf8(),
         reply->cancellation(),
         [guard, path, isHead](const Http::HttpResponse &r) {
             if (!guard)
                 return;
             if (!r.isSuccess() && !(isHead && r.status == 404)) {
                 guard->fail(ArmError::fromResponse(r, path));
                 return;
             }
             ArmResponse response;
             response.status = r.status;
             response.headers = r.headers;
             if (!isHead && !parseBody(r.body, &response.body)) {
                 guard->fail(ArmError::protocol(
                     QStringLiteral("HTTP %1 with a body that is not a JSON object").arg(r.status)));
                 return;
             }
             guard->complete(response);
         });
    return reply;
}

ArmReply *ArmClient::get(const QString &path, const QString &apiVersion, const QString &tenantId)
{
    return call("GET", path, apiVersion, nullptr, tenantId);
}

ArmReply *ArmClient::head(const QString &path, const QString &apiVersion, const QString &tenantId)
{
    return call("HEAD", path, apiVersion, nullptr, tenantId);
}

ArmReply *ArmClient::post(const QString &path,
                          const QString &apiVersion,
                          const QJsonObject &body,
                          const QString &tenantId)
{
    // Actions such as listkeys and register take no body: send none rather than "{}".
    return call("POST", path, apiVersion, body.isEmpty() ? nullptr : &body, tenantId);
}

ArmReply *ArmClient::put(const QString &path,
                         const QString &apiVersion,
                         const QJsonObject &body,
                         const QString &tenantId,
                         const QString &ifMatch)
{
    return call("PUT", path, apiVersion, &body, tenantId, ifMatch);
}

ArmReply *ArmClient::patch(const QString &path,
                           const QString &apiVersion,
                           const QJsonObject &body,
                           const QString &tenantId)
{
    return call("PATCH", path, apiVersion, &body, tenantId);
}

// ---- paging (azure-arm.md 6) ----

ArmPager *ArmClient::list(const QString &path,
                          const QString &apiVersion,
                          const QString &tenantId,
                          const QByteArray &method)
{
    auto *pager = new ArmPager(this);
    const QUrl first = url(path, apiVersion);
    auto seen = std::make_shared<QSet<QString>>();
    seen->insert(first.toString(QUrl::FullyEncoded));
    fetchPage(pager, std::make_shared<QJsonArray>(), seen, method, first, tenantId, path);
    return pager;
}

void ArmClient::fetchPage(QPointer<ArmPager> pager,
                          std::shared_ptr<QJsonArray> items,
                          std::shared_ptr<QSet<QString>> seen,
                          QByteArray method,
                          QUrl pageUrl,
                          QString tenantId,
                          QString scope)
{
    QPointer<ArmClient> self(this);
    send(method,
         pageUrl,
         nullptr,
         tenantId,
         {},
         pager->cancellation(),
         [self, pager, items, seen, method, tenantId, scope](const Http::HttpResponse &r) {
             if (!pager)
                 return;
             if (!r.isSuccess()) {
                 pager->fail(ArmError::fromResponse(r, scope));
                 return;
             }
             QJsonObject page;
             if (!parseBody(r.body, &page)
                 || !(page.value(QLatin1String("value")).isArray()
                      || page.value(QLatin1String("value")).isNull()
                      || page.value(QLatin1String("value")).isUndefined())) {
                 pager->fail(ArmError::protocol(
                     QStringLiteral("a list page that is not {\"value\": [...]}")));
                 return;
             }
             for (const auto &v : page.value(QLatin1String("value")).toArray())
                 items->append(v);
             Q_EMIT pager->pageReceived(int(items->size()));
             // Missing, null and "" all end the list; a page may be empty and still link on.
             const QString nextLink = page.value(QLatin1String("nextLink")).toString();
             if (nextLink.trimmed().isEmpty()) {
                 pager->complete(*items);
                 return;
             }
             if (!self) {
                 pager->fail(ArmError::cancelled());
                 return;
             }
             const QUrl next = self->resolve(nextLink);
             if (!self->isArmUrl(next)) {
                 pager->fail(ArmError::protocol(
                     QStringLiteral("a nextLink to another host (%1)").arg(next.host())));
                 return;
             }
             const QString key = next.toString(QUrl::FullyEncoded);
             if (seen->contains(key) || seen->size() >= kMaxPages) {
                 qCWarning(lcArm) << "list of" << scope << "repeats a nextLink; stopping after"
                                  << items->size() << "items";
                 pager->complete(*items);
                 return;
             }
             seen->insert(key);
             self->fetchPage(pager, items, seen, method, next, tenantId, scope);
         });
}

// ---- long-running operations (azure-arm.md 5) ----

ArmOperation *ArmClient::beginPut(const QString &path,
                                  const QString &apiVersion,
                                  const QJsonObject &body,
                                  const QString &tenantId,
                                  const QString &ifMatch)
{
    return startOperation("PUT", path, apiVersion, &body, tenantId, ifMatch);
}

ArmOperation *ArmClient::beginDelete(const QString &path,
                                     const QString &apiVersion,
                                     const QString &tenantId)
{
    return startOperation("DELETE", path, apiVersion, nullptr, tenantId, {});
}

ArmOperation *ArmClient::startOperation(const QByteArray &method,
                                        const QString &path,
                                        const QString &apiVersion,
                                        const QJsonObject *body,
                                        const QString &tenantId,
                                        const QString &ifMatch)
{
    auto *op = new ArmOperation(this);
    auto lro = std::make_shared<Lro>();
    lro->op = op;
    lro->method = method;
    lro->resourceUrl = url(path, apiVersion);
    lro->pollUrl = lro->resourceUrl;
    lro->apiVersion = apiVersion;
    lro->tenantId = tenantId;
    lro->scope = path;
    qCDebug(lcArm) << "LRO" << method << path << "started";
    QPointer<ArmClient> self(this);
    send(method,
         lro->resourceUrl,
         body,
         tenantId,
         ifMatch.toUtf8(),
         op->cancellation(),
         [self, lro](const Http::HttpResponse &r) {
             if (!lro->op)
                 return;
             if (!self) {
                 lro->op->fail(ArmError::cancelled());
                 return;
             }
             self->onInitialResponse(lro, r);
         });
    return op;
}

void ArmClient::onInitialResponse(const std::shared_ptr<Lro> &lro, const Http::HttpResponse &r)
{
    ArmOperation *op = lro->op;
    const bool isDelete = lro->method == "DELETE";
    if (isDelete && r.status == 404) {
        op->complete({}); // nothing to delete
        return;
    }
    if (!r.isSuccess()) {
        op->fail(ArmError::fromResponse(r, lro->scope));
        return;
    }
    QJsonObject body;
    if (!parseBody(r.body, &body)) {
        op->fail(ArmError::protocol(
            QStringLiteral("HTTP %1 with a body that is not a JSON object").arg(r.status)));
        return;
    }
    const QString state = provisioningStateOf(body);
    const QByteArray asyncHeader = headerValue(r.headers, "Azure-AsyncOperation");
    const QByteArray locationHeader = headerValue(r.headers, "Location");
    const bool hasHeaders = !asyncHeader.isEmpty() || !locationHeader.isEmpty();

    // Already done? DELETE: anything but 201/202. PUT/PATCH: a terminal state, or none on a 200
    // (or on a 201 that gives nothing to poll).
    if (isDelete) {
        if (r.status != 202 && r.status != 201) {
            op->complete({});
            return;
        }
    } else if (isTerminal(state)
               || (state.isEmpty() && (r.status == 200 || (r.status == 201 && !hasHeaders)))) {
        if (state.isEmpty() || isSucceeded(state))
            op->complete(body);
        else
            op->fail(operationError(r, body, state, lro->scope));
        return;
    }

    if (!asyncHeader.isEmpty()) {
        lro->kind = Lro::Async;
        lro->pollUrl = resolve(QString::fromLatin1(asyncHeader));
    } else if (!locationHeader.isEmpty()) {
        lro->kind = Lro::Location;
        lro->pollUrl = resolve(QString::fromLatin1(locationHeader));
    } else {
        lro->kind = Lro::Resource;
        lro->pollUrl = lro->resourceUrl;
    }
    if (!isArmUrl(lro->pollUrl)) {
        op->fail(ArmError::protocol(
            QStringLiteral("a polling URL on another host (%1)").arg(lro->pollUrl.host())));
        return;
    }
    op->setResumeToken(lro->token());
    op->reportProgress(state.isEmpty() ? QStringLiteral("Accepted") : state);
    qCDebug(lcArm) << "LRO" << lro->method << lro->scope << "polling" << kindName(lro->kind);
    schedulePoll(lro, pollDelayMs(r));
}

int ArmClient::pollDelayMs(const Http::HttpResponse &r) const
{
    // retry-after-ms, x-ms-retry-after-ms, Retry-After in seconds or as an HTTP-date (RPC forbids dates
    // here, but a robust client reads them, azure-arm.md 5): the same reading as the retry policy.
    qint64 ms = Http::RetryPolicy::serverDelayMs(r, m_clock->nowMs());
    if (ms < 0)
        ms = m_defaultPollMs;
    return int(std::clamp<qint64>(ms, kMinPollMs, kMaxPollMs));
}

void ArmClient::schedulePoll(const std::shared_ptr<Lro> &lro, int delayMs)
{
    if (!lro->op)
        return;
    QPointer<ArmClient> self(this);
    m_clock->callLater(delayMs, lro->op, [self, lro] {
        if (!lro->op)
            return;
        if (!self) {
            lro->op->fail(ArmError::cancelled());
            return;
        }
        self->poll(lro);
    });
}

void ArmClient::poll(const std::shared_ptr<Lro> &lro)
{
    if (!lro->op || lro->op->cancellation()->isCancelled())
        return;
    ++lro->polls;
    const QUrl target = lro->kind == Lro::Resource ? lro->resourceUrl : lro->pollUrl;
    QPointer<ArmClient> self(this);
    send("GET",
         target,
         nullptr,
         lro->tenantId,
         {},
         lro->op->cancellation(),
         [self, lro](const Http::HttpResponse &r) {
             ArmOperation *op = lro->op;
             if (!op)
                 return;
             if (!self) {
                 op->fail(ArmError::cancelled());
                 return;
             }
             const bool isDelete = lro->method == "DELETE";
             QJsonObject body;
             if (r.isSuccess() && !parseBody(r.body, &body)) {
                 op->fail(ArmError::protocol(
                     QStringLiteral("a polling reply that is not a JSON object")));
                 return;
             }
             switch (lro->kind) {
             case Lro::Async: {
                 // The status URL answers 200 while running; an error there means "couldn't read the status".
                 if (!r.isSuccess()) {
                     op->fail(ArmError::fromResponse(r, lro->scope));
                     return;
                 }
                 QString status = body.value(QLatin1String("status")).toString();
                 if (status.isEmpty() && r.status == 202)
                     status = QStringLiteral(
                         "InProgress"); // some status URLs answer 202 without a body while running
                 if (status.isEmpty()) {
                     op->fail(ArmError::protocol(
                         QStringLiteral("an operation status without \"status\"")));
                     return;
                 }
                 if (isSucceeded(status)) {
                     self->finishOperation(lro);
                 } else if (isTerminal(status)) {
                     op->fail(operationError(r, body, status, lro->scope));
                 } else {
                     op->reportProgress(status);
                     self->schedulePoll(lro, self->pollDelayMs(r));
                 }
                 return;
             }
             case Lro::Location: {
                 // 202 while running, then what the request would have answered synchronously.
                 if (r.status == 202) {
                     const QByteArray moved = headerValue(r.headers, "Location");
                     if (!moved.isEmpty()) {
                         const QUrl next = self->resolve(QString::fromLatin1(moved));
                         if (self->isArmUrl(next) && next != lro->pollUrl) {
                             lro->pollUrl = next;
                             op->setResumeToken(lro->token());
                         }
                     }
                     const QString status
                         = body.value(QLatin1String("status")).toString(provisioningStateOf(body));
                     op->reportProgress(status.isEmpty() ? QStringLiteral("InProgress") : status);
                     self->schedulePoll(lro, self->pollDelayMs(r));
                 } else if (r.isSuccess() || (isDelete && r.status == 404)) {
                     self->finishOperation(lro);
                 } else {
                     op->fail(ArmError::fromResponse(r, lro->scope));
                 }
                 return;
             }
             case Lro::Resource: {
                 if (isDelete && r.status == 404) {
                     op->complete({});
                     return;
                 }
                 if (!r.isSuccess()) {
                     op->fail(ArmError::fromResponse(r, lro->scope));
                     return;
                 }
                 const QString state = provisioningStateOf(body);
                 if (!isDelete && (state.isEmpty() || isSucceeded(state))) {
                     op->complete(body); // this GET is the final one
                 } else if (isTerminal(state) && !isSucceeded(state)) {
                     op->fail(operationError(r, body, state, lro->scope));
                 } else {
                     op->reportProgress(state.isEmpty() ? QStringLiteral("InProgress") : state);
                     self->schedulePoll(lro, self->pollDelayMs(r));
                 }
                 return;
             }
             }
         });
}

void ArmClient::finishOperation(const std::shared_ptr<Lro> &lro)
{
    ArmOperation *op = lro->op;
    if (!op)
        return;
    qCDebug(lcArm) << "LRO" << lro->method << lro->scope << "succeeded after" << lro->polls
                   << "polls";
    op->reportProgress(QStringLiteral("Succeeded"));
    if (lro->method == "DELETE") {
        op->complete({});
        return;
    }
    // PUT/PATCH without final-state-via: the final body is a GET of the resource.
    send("GET",
         lro->resourceUrl,
         nullptr,
         lro->tenantId,
         {},
         op->cancellation(),
         [lro](const Http::HttpResponse &r) {
             ArmOperation *op = lro->op;
             if (!op)
                 return;
             QJsonObject body;
             if (!r.isSuccess())
                 op->fail(ArmError::fromResponse(r, lro->scope));
             else if (!parseBody(r.body, &body))
                 op->fail(
                     ArmError::protocol(QStringLiteral("a resource that is not a JSON object")));
             else
                 op->complete(body);
         });
}

ArmOperation *ArmClient::resume(const QString &resumeToken)
{
    auto *op = new ArmOperation(this);
    auto invalid = [op](const QString &why) {
        qCWarning(lcArm) << "cannot resume an operation:" << why;
        op->fail(ArmError::protocol(QStringLiteral("The resume token is not valid (%1).").arg(why)));
        return op;
    };
    const auto decoded = QByteArray::fromBase64Encoding(resumeToken.toLatin1(),
                                                        QByteArray::AbortOnBase64DecodingErrors);
    if (!decoded)
        return invalid(QStringLiteral("not base64"));
    const QJsonDocument doc = QJsonDocument::fromJson(*decoded);
    const QJsonObject o = doc.object();
    auto lro = std::make_shared<Lro>();
    lro->op = op;
    lro->method = o.value(QLatin1String("method")).toString().toLatin1();
    lro->resourceUrl = QUrl::fromEncoded(o.value(QLatin1String("resourceUrl")).toString().toUtf8());
    lro->pollUrl = QUrl::fromEncoded(o.value(QLatin1String("pollUrl")).toString().toUtf8());
    lro->apiVersion = o.value(QLatin1String("apiVersion")).toString();
    lro->tenantId = o.value(QLatin1String("tenantId")).toString();
    lro->scope = lro->resourceUrl.path();
    const QString kind = o.value(QLatin1String("kind")).toString();
    if (kind == QLatin1String("async"))
        lro->kind = Lro::Async;
    else if (kind == QLatin1String("location"))
        lro->kind = Lro::Location;
    else if (kind == QLatin1String("resource"))
        lro->kind = Lro::Resource;
    else
        return invalid(QStringLiteral("unknown kind"));
    if (lro->method != "PUT" && lro->method != "PATCH" && lro->method != "DELETE")
        return invalid(QStringLiteral("unknown method"));
    // The token may have been stored by another run, maybe for another cloud: never send our token elsewhere.
    if (!isArmUrl(lro->resourceUrl) || !isArmUrl(lro->pollUrl))
        return invalid(QStringLiteral("it points outside %1").arg(m_cloud.armEndpoint.host()));
    op->setResumeToken(resumeToken);
    qCDebug(lcArm) << "LRO" << lro->method << lro->scope << "resumed";
    schedulePoll(lro, 0);
    return op;
}

} // namespace Dps::Arm
