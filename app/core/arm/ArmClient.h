#pragma once

#include "ArmError.h"
#include "Cloud.h"
#include "http/Pipeline.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QLoggingCategory>
#include <QObject>
#include <QPointer>
#include <QSet>

#include <functional>
#include <memory>

Q_DECLARE_LOGGING_CATEGORY(lcArm)

namespace Dps::Arm {

struct ArmResponse
{
    int status = 0;
    QJsonObject body;
    QList<QPair<QByteArray, QByteArray>> headers;
    QByteArray header(const QByteArray &name) const;
};

// A one-shot ARM call. Emits exactly one of finished/failed, then deletes itself. The caller may
// cancel() it; cancelling emits failed(ArmError::cancelled()). Signals are always delivered from the
// event loop (never from inside the call that created the object), so connecting after the call is safe.
// Deleting it early cancels the request.
class ArmReply : public QObject
{
    Q_OBJECT
public:
    explicit ArmReply(QObject *parent = nullptr);
    ~ArmReply() override;
    void cancel();
    Http::CancellationTokenPtr cancellation() const { return m_cancellation; }

    // Used by ArmClient to complete the reply.
    void complete(const ArmResponse &response);
    void fail(const ArmError &error);

Q_SIGNALS:
    void finished(const Dps::Arm::ArmResponse &response);
    void failed(const Dps::Arm::ArmError &error);

private:
    Http::CancellationTokenPtr m_cancellation;
    bool m_done = false;
};

// All pages of a list: follows nextLink (absolute; GET, or POST for listkeys) until it is missing,
// null or empty. Emits finished(allItems) or failed, then deletes itself.
class ArmPager : public QObject
{
    Q_OBJECT
public:
    explicit ArmPager(QObject *parent = nullptr);
    ~ArmPager() override;
    void cancel();
    Http::CancellationTokenPtr cancellation() const { return m_cancellation; }
    void complete(const QJsonArray &items);
    void fail(const ArmError &error);

Q_SIGNALS:
    void pageReceived(int itemsSoFar);
    void finished(const QJsonArray &items);
    void failed(const Dps::Arm::ArmError &error);

private:
    Http::CancellationTokenPtr m_cancellation;
    bool m_done = false;
};

// A long-running operation (azure-arm.md section 5): after 201/202, polls Azure-AsyncOperation (else
// Location, else the resource's provisioningState), honouring Retry-After, until Succeeded, Failed or
// Canceled, then GETs the resource for the final body (PUT) or finishes with an empty object (DELETE).
// resumeToken() lets a restarted process keep polling the same operation (ArmClient::resume).
class ArmOperation : public QObject
{
    Q_OBJECT
public:
    explicit ArmOperation(QObject *parent = nullptr);
    ~ArmOperation() override; // stops polling
    // Opaque (base64 JSON of method, resource and polling URLs, kind, api-version, tenant); no secret.
    QString resumeToken() const { return m_resumeToken; }
    void setResumeToken(const QString &token);
    void cancel(); // stops polling, not the work on the server
    Http::CancellationTokenPtr cancellation() const { return m_cancellation; }
    void reportProgress(const QString &status);
    void complete(const QJsonObject &resource);
    void fail(const ArmError &error);

Q_SIGNALS:
    void resumeTokenChanged(const QString &token);
    void progress(const QString &status); // what Azure reports: Accepted, Running, ...
    void finished(const QJsonObject &resource);
    void failed(const Dps::Arm::ArmError &error);

private:
    Http::CancellationTokenPtr m_cancellation;
    QString m_resumeToken;
    bool m_done = false;
};

// ARM over the HTTP pipeline. Paths are relative to the cloud's ARM endpoint ("/subscriptions/...");
// `tenantId` picks whose token is used (a hub in another tenant). All calls are asynchronous; the
// returned object is parented to `context`'s thread and deletes itself after its signal.
class ArmClient : public QObject
{
    Q_OBJECT
public:
    ArmClient(std::shared_ptr<Http::Pipeline> pipeline, Cloud cloud, std::shared_ptr<Http::Clock> clock,
              QObject *parent = nullptr);

    const Cloud &cloud() const { return m_cloud; }
    QUrl url(const QString &path, const QString &apiVersion, const QString &extraQuery = {}) const;

    std::shared_ptr<Http::Clock> clock() const { return m_clock; }

    ArmReply *get(const QString &path, const QString &apiVersion, const QString &tenantId = {});
    // Existence checks: 2xx and 404 both finish (look at ArmResponse::status); other errors fail.
    ArmReply *head(const QString &path, const QString &apiVersion, const QString &tenantId = {});
    ArmReply *post(const QString &path, const QString &apiVersion, const QJsonObject &body = {}, const QString &tenantId = {});
    ArmReply *put(const QString &path, const QString &apiVersion, const QJsonObject &body, const QString &tenantId = {},
                  const QString &ifMatch = {});
    ArmReply *patch(const QString &path, const QString &apiVersion, const QJsonObject &body, const QString &tenantId = {});

    // method "POST" for listkeys: every page (nextLink too) is POSTed.
    ArmPager *list(const QString &path, const QString &apiVersion, const QString &tenantId = {},
                   const QByteArray &method = "GET");

    ArmOperation *beginPut(const QString &path, const QString &apiVersion, const QJsonObject &body,
                           const QString &tenantId = {}, const QString &ifMatch = {});
    ArmOperation *beginDelete(const QString &path, const QString &apiVersion, const QString &tenantId = {});
    // Continues an operation from its resume token (persisted by the setup engine).
    ArmOperation *resume(const QString &resumeToken);

    // Fallback wait between polls when the server sends no Retry-After (tests lower it).
    void setDefaultPollIntervalMs(int ms) { m_defaultPollMs = ms; }
    int requestCount() const { return m_requestCount; } // for the benchmark

private:
    struct Lro;
    void send(const QByteArray &method, const QUrl &url, const QJsonObject *body, const QString &tenantId,
              const QByteArray &ifMatch, const Http::CancellationTokenPtr &cancellation,
              std::function<void(const Http::HttpResponse &)> done);
    ArmReply *call(const QByteArray &method, const QString &path, const QString &apiVersion, const QJsonObject *body,
                   const QString &tenantId, const QString &ifMatch = {});
    void fetchPage(QPointer<ArmPager> pager, std::shared_ptr<QJsonArray> items, std::shared_ptr<QSet<QString>> seen,
                   QByteArray method, QUrl url, QString tenantId, QString scope);
    ArmOperation *startOperation(const QByteArray &method, const QString &path, const QString &apiVersion,
                                 const QJsonObject *body, const QString &tenantId, const QString &ifMatch);
    void onInitialResponse(const std::shared_ptr<Lro> &lro, const Http::HttpResponse &response);
    void schedulePoll(const std::shared_ptr<Lro> &lro, int delayMs);
    void poll(const std::shared_ptr<Lro> &lro);
    void finishOperation(const std::shared_ptr<Lro> &lro);
    int pollDelayMs(const Http::HttpResponse &response) const;
    bool isArmUrl(const QUrl &url) const; // same scheme, host and port as the cloud's ARM endpoint
    QUrl resolve(const QString &link) const;

    std::shared_ptr<Http::Pipeline> m_pipeline;
    Cloud m_cloud;
    std::shared_ptr<Http::Clock> m_clock;
    int m_defaultPollMs = 5000;
    int m_requestCount = 0;
};

} // namespace Dps::Arm

Q_DECLARE_METATYPE(Dps::Arm::ArmResponse)
