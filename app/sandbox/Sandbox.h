#pragma once

#include "HttpTypes.h"
#include "World.h"

#include <QElapsedTimer>
#include <QObject>
#include <QRegularExpression>
#include <QUrl>

#include <deque>
#include <functional>
#include <memory>

namespace Dps::Sandbox {

class HttpFrontend;

struct SandboxOptions
{
    QString host = QStringLiteral("127.0.0.1"); // loopback only
    quint16 port = 0;                           // 0 picks a free port
    QString world = QStringLiteral("demo");     // empty | demo | scale:S:R
    QString infoFile;
    QString stateFile;
    QString tlsCert;
    QString tlsKey;
    int lroDpsMs = 2000;    // DPS creation
    int lroHubMs = 3000;    // IoT hub creation
    int lroUpdateMs = 1000; // any later DPS or hub update (a link, a policy change), and deletes
    int providerRegisterMs = 3000;
    int tokenLifetimeSec = 3600;
    int refreshTokenLifetimeSec = 90 * 24 * 3600;
    int deviceCodeIntervalSec = 5;     // device code: seconds between polls (slow_down below that)
    int deviceCodeExpirySec = 900;     // device code: lifetime of device_code/user_code
    int pageSize = 100;
    bool autoApprove = false;          // /authorize signs the user in without showing the page
    qint64 maxBodyBytes = 1024 * 1024; // larger bodies get 413
    // ARM throttling: token buckets per principal and subscription (azure-arm.md 7.4).
    int readBucket = 250, readRefillPerSec = 25;
    int writeBucket = 200, writeRefillPerSec = 10;
    int deleteBucket = 200, deleteRefillPerSec = 10;
};

// Which protocol family a route belongs to; decides authentication, api-version checks and headers.
enum class RouteKind { Arm, Entra, Admin, Page };

using Handler = std::function<Response(Request &)>;

struct Route
{
    QByteArray method;      // GET, PUT, ...
    QStringList pattern;    // literal segments (matched case-insensitively) or "{}" placeholders
    RouteKind kind = RouteKind::Arm;
    QString operationId;    // e.g. IotDpsResource_Get (for the request log and tests)
    QStringList apiVersions; // ARM: accepted api-version values
    QString apiFamily;       // ARM: "resources", "subscriptions", "dps", "hub" (chooses the error shape)
    Handler handler;
};

// A fault injected through /_sandbox/faults: the next `count` requests matching method + path regex get
// the given answer instead of the real one (or after a delay, or a dropped connection), or make the LRO
// they start fail.
struct FaultRule
{
    QString id;
    QByteArray method;           // empty: any
    QRegularExpression path;     // matched against the request path, case-insensitively
    int remaining = 1;           // -1: forever
    int status = 0;              // 0: don't replace the answer
    QString code;
    QString message;
    int retryAfterSec = -1;
    int delayMs = 0;
    bool drop = false;
    bool failLro = false;        // the matching PUT/DELETE starts an LRO that ends Failed
    QJsonObject toJson() const;
};

struct RequestLogEntry
{
    qint64 timeMs = 0;
    QByteArray method;
    QString path;
    QString apiVersion;
    QString operationId;
    int status = 0;
    double durationMs = 0;
    QString requestId;
    QString clientRequestId;
};

// The local ARM + Entra ID emulator: owns the world, the HTTP(S) listener and the routes.
class Sandbox : public QObject
{
    Q_OBJECT

public:
    explicit Sandbox(SandboxOptions options, QObject *parent = nullptr);
    ~Sandbox() override;

    // Loads --state (or builds the world), listens, writes the info file.
    bool start(QString *error);

    quint16 port() const { return m_port; }
    bool isTls() const { return m_tls; }
    QUrl baseUrl() const; // scheme://host:port/
    QJsonObject info() const;

    World &world() { return m_world; }
    const SandboxOptions &options() const { return m_options; }
    SandboxOptions &options() { return m_options; }

    void addRoute(Route route);
    // Saves the world when --state is set; atomic (QSaveFile), so a kill leaves the old or the new file.
    void persist();
    void resetWorld(const QString &worldSpec);

    const std::deque<RequestLogEntry> &requestLog() const { return m_log; }
    void clearRequestLog() { m_log.clear(); }
    QList<FaultRule> &faultRules() { return m_faults; }
    // The first fault rule that wants the LRO of this request to fail (and uses it up).
    bool takeLroFailure(const Request &request);

    // Sign an access token for a principal (Entra side) and check one (ARM side).
    QString issueAccessToken(const Principal &principal, const QString &tenantId,
                             const QString &audience, const QString &scope, const QString &appId);

    Response dispatch(Request &request); // the whole pipeline, used by the HTTP front end

Q_SIGNALS:
    void requestHandled(const QString &method, const QString &path, int status);

private:
    Response route(Request &request, QString *operationId);
    Response armPipeline(const Route &route, Request &request);
    std::optional<Response> authenticate(Request &request);
    std::optional<Response> throttle(const Request &request);
    void addArmHeaders(const Request &request, Response &response);
    std::optional<Response> applyFaults(Request &request);
    void writeInfoFile();

    SandboxOptions m_options;
    World m_world;
    QList<Route> m_routes;
    std::unique_ptr<HttpFrontend> m_frontend;
    quint16 m_port = 0;
    bool m_tls = false;
    std::deque<RequestLogEntry> m_log;
    QList<FaultRule> m_faults;
    struct Bucket
    {
        double tokens = -1;
        qint64 lastMs = 0;
    };
    QHash<QString, Bucket> m_buckets;
    int m_lastRemaining = 0;
};

// Route tables of each area (each in its own .cpp).
void registerEntraRoutes(Sandbox &sandbox);
void registerResourceRoutes(Sandbox &sandbox);
void registerDevicesRoutes(Sandbox &sandbox);
void registerAdminRoutes(Sandbox &sandbox);

// Worlds: "empty", "demo", "scale:S:R". Returns false and sets *error for an unknown spec.
bool buildWorld(const QString &spec, const SandboxOptions &options, World *world, QString *error);

} // namespace Dps::Sandbox
