#include "Sandbox.h"

#include "ArmSupport.h"
#include "Jwt.h"

#include <QAbstractHttpServer>
#include <QCoreApplication>
#include <QDateTime>
#include <QFile>
#include <QFileInfo>
#include <QHostAddress>
#include <QHttpServerRequest>
#include <QHttpServerResponder>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLocale>
#include <QLoggingCategory>
#include <QPointer>
#include <QSaveFile>
#include <QSslCertificate>
#include <QSslKey>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTimer>

#include <cmath>

Q_LOGGING_CATEGORY(lcSandbox, "dps.sandbox")

namespace Dps::Sandbox {

namespace {

constexpr size_t kMaxLogEntries = 5000;

QByteArray methodName(QHttpServerRequest::Method m)
{
    switch (m) {
    case QHttpServerRequest::Method::Get: return "GET";
    case QHttpServerRequest::Method::Put: return "PUT";
    case QHttpServerRequest::Method::Delete: return "DELETE";
    case QHttpServerRequest::Method::Post: return "POST";
    case QHttpServerRequest::Method::Head: return "HEAD";
    case QHttpServerRequest::Method::Options: return "OPTIONS";
    case QHttpServerRequest::Method::Patch: return "PATCH";
    case QHttpServerRequest::Method::Connect: return "CONNECT";
    case QHttpServerRequest::Method::Trace: return "TRACE";
    default: return "UNKNOWN";
    }
}

QStringList allowedAudiences(const QUrl &base)
{
    QStringList list{QStringLiteral("https://management.core.windows.net/"),
                     QStringLiteral("https://management.core.windows.net"),
                     QStringLiteral("https://management.azure.com/"),
                     QStringLiteral("https://management.azure.com")};
    const QString self = base.toString(QUrl::RemovePath | QUrl::StripTrailingSlash);
    list << self << self + QLatin1Char('/');
    return list;
}

} // namespace

// Adapts QtHttpServer's request/responder to our Request/Response; all behaviour lives in Sandbox.
class HttpFrontend : public QAbstractHttpServer
{
public:
    HttpFrontend(Sandbox *sandbox, bool tls)
        : m_sandbox(sandbox)
        , m_tls(tls)
    {}

protected:
    bool handleRequest(const QHttpServerRequest &request, QTcpSocket *socket) override
    {
        Request r;
        r.method = methodName(request.method());
        const QUrl url = request.url();
        const QString encodedPath = url.path(QUrl::FullyEncoded);
        r.path = QUrl::fromPercentEncoding(encodedPath.toUtf8());
        const auto rawSegments = encodedPath.split(QLatin1Char('/'), Qt::SkipEmptyParts);
        for (const auto &s : rawSegments)
            r.segments.append(QUrl::fromPercentEncoding(s.toUtf8()));
        r.query = QUrlQuery(url.query(QUrl::FullyEncoded));
        for (const auto &h : request.headers())
            r.headers.insert(h.first.toLower(), h.second);
        r.body = request.body();
        QByteArray host = r.header("host");
        if (host.isEmpty())
            host = socket->localAddress().toString().toLatin1() + ':' + QByteArray::number(socket->localPort());
        r.baseUrl = QUrl(QString::fromLatin1((m_tls ? "https://" : "http://") + host));
        if (!r.baseUrl.isValid() || r.baseUrl.host().isEmpty())
            r.baseUrl = QUrl(QStringLiteral("%1://127.0.0.1:%2").arg(m_tls ? QStringLiteral("https") : QStringLiteral("http")).arg(socket->localPort()));

        Response response = m_sandbox->dispatch(r);
        if (response.dropConnection) {
            socket->abort();
            return true;
        }
        auto responder = std::make_shared<QHttpServerResponder>(makeResponder(request, socket));
        const bool head = r.method == "HEAD";
        auto write = [responder, response, head]() {
            responder->writeStatusLine(static_cast<QHttpServerResponder::StatusCode>(response.status));
            for (const auto &h : response.headers)
                responder->writeHeader(h.first, h.second);
            responder->writeHeader("Content-Length", QByteArray::number(response.body.size()));
            if (head || response.body.isEmpty())
                responder->writeBody("", 0);
            else
                responder->writeBody(response.body);
        };
        if (response.delayMs > 0) {
            QPointer<QTcpSocket> guard(socket);
            QTimer::singleShot(response.delayMs, this, [guard, write]() {
                if (guard && guard->isOpen())
                    write();
            });
        } else {
            write();
        }
        return true;
    }

    void missingHandler(const QHttpServerRequest &, QTcpSocket *) override {}

private:
    Sandbox *m_sandbox;
    bool m_tls;
};

QJsonObject FaultRule::toJson() const
{
    return QJsonObject{{QStringLiteral("id"), id},
                       {QStringLiteral("method"), QString::fromLatin1(method)},
                       {QStringLiteral("path"), path.pattern()},
                       {QStringLiteral("count"), remaining},
                       {QStringLiteral("status"), status},
                       {QStringLiteral("code"), code},
                       {QStringLiteral("message"), message},
                       {QStringLiteral("retryAfter"), retryAfterSec},
                       {QStringLiteral("delayMs"), delayMs},
                       {QStringLiteral("drop"), drop},
                       {QStringLiteral("failLro"), failLro}};
}

Sandbox::Sandbox(SandboxOptions options, QObject *parent)
    : QObject(parent)
    , m_options(std::move(options))
{
    registerEntraRoutes(*this);
    registerResourceRoutes(*this);
    registerDevicesRoutes(*this);
    registerAdminRoutes(*this);
}

Sandbox::~Sandbox() = default;

void Sandbox::addRoute(Route route)
{
    for (auto &segment : route.pattern) {
        if (segment != QLatin1String("{}"))
            segment = segment.toLower();
    }
    m_routes.append(std::move(route));
}

bool Sandbox::start(QString *error)
{
    auto fail = [error](const QString &message) {
        if (error)
            *error = message;
        return false;
    };
    const QHostAddress address(m_options.host);
    if (address.isNull() || !address.isLoopback())
        return fail(QStringLiteral("The sandbox listens on loopback only; '%1' is not a loopback address.").arg(m_options.host));

    bool loaded = false;
    if (!m_options.stateFile.isEmpty() && QFile::exists(m_options.stateFile)) {
        QFile file(m_options.stateFile);
        if (!file.open(QIODevice::ReadOnly))
            return fail(QStringLiteral("Cannot read the state file %1: %2").arg(m_options.stateFile, file.errorString()));
        QJsonParseError parseError;
        const auto doc = QJsonDocument::fromJson(file.readAll(), &parseError);
        bool ok = false;
        if (parseError.error == QJsonParseError::NoError && doc.isObject())
            m_world = World::fromJson(doc.object(), &ok);
        if (!ok)
            return fail(QStringLiteral("The state file %1 is not a sandbox state file.").arg(m_options.stateFile));
        loaded = true;
    }
    if (!loaded) {
        QString worldError;
        if (!buildWorld(m_options.world, m_options, &m_world, &worldError))
            return fail(worldError);
    }

    m_tls = !m_options.tlsCert.isEmpty() || !m_options.tlsKey.isEmpty();
    m_frontend = std::make_unique<HttpFrontend>(this, m_tls);
    if (m_tls) {
        QFile certFile(m_options.tlsCert), keyFile(m_options.tlsKey);
        if (m_options.tlsCert.isEmpty() || m_options.tlsKey.isEmpty())
            return fail(QStringLiteral("HTTPS needs both --tls-cert and --tls-key."));
        if (!certFile.open(QIODevice::ReadOnly))
            return fail(QStringLiteral("Cannot read the certificate %1: %2").arg(m_options.tlsCert, certFile.errorString()));
        if (!keyFile.open(QIODevice::ReadOnly))
            return fail(QStringLiteral("Cannot read the key %1: %2").arg(m_options.tlsKey, keyFile.errorString()));
        const auto certs = QSslCertificate::fromData(certFile.readAll(), QSsl::Pem);
        const QByteArray keyData = keyFile.readAll();
        QSslKey key(keyData, QSsl::Rsa, QSsl::Pem);
        if (key.isNull())
            key = QSslKey(keyData, QSsl::Ec, QSsl::Pem);
        if (certs.isEmpty() || certs.first().isNull())
            return fail(QStringLiteral("%1 holds no PEM certificate.").arg(m_options.tlsCert));
        if (key.isNull())
            return fail(QStringLiteral("%1 holds no PEM RSA or EC private key.").arg(m_options.tlsKey));
        m_frontend->sslSetup(certs.first(), key, QSsl::TlsV1_2OrLater);
    }
    m_port = m_frontend->listen(address, m_options.port);
    if (m_port == 0)
        return fail(QStringLiteral("Cannot listen on %1:%2 (port in use?).").arg(m_options.host).arg(m_options.port));

    persist();
    writeInfoFile();
    return true;
}

QUrl Sandbox::baseUrl() const
{
    QUrl url;
    url.setScheme(m_tls ? QStringLiteral("https") : QStringLiteral("http"));
    url.setHost(m_options.host);
    url.setPort(m_port);
    url.setPath(QStringLiteral("/"));
    return url;
}

QJsonObject Sandbox::info() const
{
    const QString base = baseUrl().toString();
    QJsonArray tenants;
    for (const auto &t : m_world.tenants) {
        tenants.append(QJsonObject{{QStringLiteral("tenantId"), t.tenantId},
                                   {QStringLiteral("displayName"), t.displayName},
                                   {QStringLiteral("defaultDomain"), t.defaultDomain}});
    }
    QJsonArray subscriptions;
    for (const auto &s : m_world.subscriptions) {
        subscriptions.append(QJsonObject{{QStringLiteral("subscriptionId"), s.subscriptionId},
                                         {QStringLiteral("tenantId"), s.tenantId},
                                         {QStringLiteral("displayName"), s.displayName},
                                         {QStringLiteral("state"), s.state},
                                         {QStringLiteral("devicesRegistered"),
                                          s.providers.value(QStringLiteral("microsoft.devices")).state == QLatin1String("Registered")}});
    }
    QJsonObject info{{QStringLiteral("armEndpoint"), base},
                     {QStringLiteral("authorityHost"), base},
                     {QStringLiteral("adminEndpoint"), base + QStringLiteral("_sandbox/")},
                     {QStringLiteral("scheme"), baseUrl().scheme()},
                     {QStringLiteral("port"), m_port},
                     {QStringLiteral("pid"), double(QCoreApplication::applicationPid())},
                     {QStringLiteral("audience"), QStringLiteral("https://management.core.windows.net/")},
                     {QStringLiteral("scope"), QStringLiteral("https://management.azure.com/.default")},
                     {QStringLiteral("tenants"), tenants},
                     {QStringLiteral("subscriptions"), subscriptions},
                     {QStringLiteral("autoApprove"), m_options.autoApprove}};
    if (m_tls)
        info.insert(QStringLiteral("caCertificateFile"), QFileInfo(m_options.tlsCert).absoluteFilePath());
    for (const auto &p : m_world.principals) {
        if (p.isServicePrincipal && !info.contains(QStringLiteral("servicePrincipal"))) {
            info.insert(QStringLiteral("servicePrincipal"),
                        QJsonObject{{QStringLiteral("tenantId"), p.homeTenantId},
                                    {QStringLiteral("clientId"), p.clientId},
                                    {QStringLiteral("clientSecret"), p.clientSecret},
                                    {QStringLiteral("objectId"), p.objectId}});
        } else if (!p.isServicePrincipal && !info.contains(QStringLiteral("user"))) {
            info.insert(QStringLiteral("user"),
                        QJsonObject{{QStringLiteral("username"), p.username},
                                    {QStringLiteral("tenantId"), p.homeTenantId},
                                    {QStringLiteral("objectId"), p.objectId},
                                    {QStringLiteral("displayName"), p.displayName}});
        }
    }
    for (const auto &a : m_world.applications) {
        if (a.publicClient) {
            info.insert(QStringLiteral("publicClientId"), a.clientId);
            break;
        }
    }
    return info;
}

void Sandbox::writeInfoFile()
{
    if (m_options.infoFile.isEmpty())
        return;
    QSaveFile file(m_options.infoFile);
    if (!file.open(QIODevice::WriteOnly)) {
        qCWarning(lcSandbox, "Cannot write the info file %s", qPrintable(m_options.infoFile));
        return;
    }
    // It holds the sandbox service principal's (generated) secret: owner-only.
    file.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner);
    file.write(QJsonDocument(info()).toJson(QJsonDocument::Indented));
    if (!file.commit())
        qCWarning(lcSandbox, "Cannot write the info file %s", qPrintable(m_options.infoFile));
}

void Sandbox::persist()
{
    if (m_options.stateFile.isEmpty())
        return;
    QSaveFile file(m_options.stateFile);
    if (!file.open(QIODevice::WriteOnly)) {
        qCWarning(lcSandbox, "Cannot write the state file %s", qPrintable(m_options.stateFile));
        return;
    }
    file.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner);
    file.write(QJsonDocument(m_world.toJson()).toJson(QJsonDocument::Compact));
    if (!file.commit())
        qCWarning(lcSandbox, "Cannot write the state file %s", qPrintable(m_options.stateFile));
}

void Sandbox::resetWorld(const QString &worldSpec)
{
    World fresh;
    QString error;
    if (buildWorld(worldSpec, m_options, &fresh, &error))
        m_world = std::move(fresh);
    m_buckets.clear();
    persist();
}

QString Sandbox::issueAccessToken(const Principal &principal, const QString &tenantId,
                                  const QString &audience, const QString &scope, const QString &appId)
{
    const qint64 now = m_world.nowMs() / 1000;
    QJsonObject claims{{QStringLiteral("aud"), audience},
                       {QStringLiteral("iss"), QStringLiteral("https://sts.windows.net/%1/").arg(tenantId)},
                       {QStringLiteral("iat"), double(now)},
                       {QStringLiteral("nbf"), double(now)},
                       {QStringLiteral("exp"), double(now + m_options.tokenLifetimeSec)},
                       {QStringLiteral("tid"), tenantId},
                       {QStringLiteral("oid"), principal.objectId},
                       {QStringLiteral("sub"), principal.objectId},
                       {QStringLiteral("appid"), appId},
                       {QStringLiteral("ver"), QStringLiteral("1.0")},
                       {QStringLiteral("uti"), newGuid()}};
    if (principal.isServicePrincipal) {
        claims.insert(QStringLiteral("idtyp"), QStringLiteral("app"));
        claims.insert(QStringLiteral("roles"), QJsonArray());
    } else {
        claims.insert(QStringLiteral("idtyp"), QStringLiteral("user"));
        claims.insert(QStringLiteral("scp"), scope.isEmpty() ? QStringLiteral("user_impersonation") : scope);
        claims.insert(QStringLiteral("upn"), principal.username);
        claims.insert(QStringLiteral("name"), principal.displayName);
    }
    return Jwt::sign(claims, m_world.signingKey);
}

bool Sandbox::takeLroFailure(const Request &request)
{
    for (int i = 0; i < m_faults.size(); ++i) {
        FaultRule &rule = m_faults[i];
        if (!rule.failLro)
            continue;
        if (!rule.method.isEmpty() && rule.method != request.method)
            continue;
        if (!rule.path.match(request.path).hasMatch())
            continue;
        if (rule.remaining > 0 && --rule.remaining == 0)
            m_faults.removeAt(i);
        return true;
    }
    return false;
}

std::optional<Response> Sandbox::applyFaults(Request &request)
{
    for (int i = 0; i < m_faults.size(); ++i) {
        FaultRule &rule = m_faults[i];
        if (rule.failLro)
            continue;
        if (!rule.method.isEmpty() && rule.method != request.method)
            continue;
        if (!rule.path.match(request.path).hasMatch())
            continue;
        FaultRule applied = rule;
        if (rule.remaining > 0 && --rule.remaining == 0)
            m_faults.removeAt(i);
        if (applied.drop) {
            Response r;
            r.dropConnection = true;
            return r;
        }
        if (applied.status == 0) {
            // A pure delay: answer normally, later.
            request.headers.insert("x-sandbox-delay-ms", QByteArray::number(applied.delayMs));
            return std::nullopt;
        }
        QString code = applied.code;
        if (code.isEmpty()) {
            code = applied.status == 429 ? QStringLiteral("TooManyRequests")
                                         : httpStatusName(applied.status);
        }
        QString message = applied.message;
        if (message.isEmpty())
            message = QStringLiteral("Injected fault: the sandbox answered %1 for this request.").arg(applied.status);
        Response r = Response::armError(applied.status, code, message);
        if (applied.retryAfterSec >= 0)
            r.setHeader("Retry-After", QByteArray::number(applied.retryAfterSec));
        r.delayMs = applied.delayMs;
        return r;
    }
    return std::nullopt;
}

Response Sandbox::dispatch(Request &request)
{
    QElapsedTimer timer;
    timer.start();
    request.requestId = newGuid();
    const QByteArray correlation = request.header("x-ms-correlation-request-id");
    request.correlationId = correlation.isEmpty() ? newGuid() : QString::fromLatin1(correlation).left(64);

    if (m_world.settle())
        persist();

    QString operationId;
    const bool isAdmin = !request.segments.isEmpty()
                         && request.segments.first().compare(QLatin1String("_sandbox"), Qt::CaseInsensitive) == 0;
    std::optional<Response> faulted;
    if (!isAdmin)
        faulted = applyFaults(request);
    Response response;
    if (faulted) {
        response = *faulted;
        addArmHeaders(request, response);
    } else if (request.body.size() > m_options.maxBodyBytes) {
        response = Response::armError(413, QStringLiteral("RequestEntityTooLarge"),
                                      QStringLiteral("The request content size %1 exceeds the limit of %2 bytes.")
                                          .arg(request.body.size()).arg(m_options.maxBodyBytes));
        addArmHeaders(request, response);
    } else {
        response = route(request, &operationId);
        const QByteArray delay = request.header("x-sandbox-delay-ms");
        if (!delay.isEmpty())
            response.delayMs = delay.toInt();
    }
    response.setHeader("x-ms-request-id", request.requestId.toLatin1());
    const QByteArray clientRequestId = request.header("x-ms-client-request-id");
    if (!clientRequestId.isEmpty())
        response.setHeader("x-ms-client-request-id", clientRequestId.left(128));
    if (!response.hasHeader("Date"))
        response.setHeader("Date", QLocale::c().toString(QDateTime::currentDateTimeUtc(), QStringLiteral("ddd, dd MMM yyyy hh:mm:ss 'GMT'")).toLatin1());

    if (!isAdmin) {
        RequestLogEntry entry;
        entry.timeMs = m_world.nowMs();
        entry.method = request.method;
        entry.path = request.path;
        entry.apiVersion = request.apiVersion();
        entry.operationId = operationId;
        entry.status = response.dropConnection ? 0 : response.status;
        entry.durationMs = timer.nsecsElapsed() / 1e6;
        entry.requestId = request.requestId;
        entry.clientRequestId = QString::fromLatin1(clientRequestId.left(128));
        m_log.push_back(entry);
        while (m_log.size() > kMaxLogEntries)
            m_log.pop_front();
    }
    Q_EMIT requestHandled(QString::fromLatin1(request.method), request.path, response.status);
    return response;
}

Response Sandbox::route(Request &request, QString *operationId)
{
    // The most specific route wins: the one with the most literal segments.
    const Route *match = nullptr;
    int bestLiterals = -1;
    QStringList allowed;
    for (const auto &r : m_routes) {
        if (r.pattern.size() != request.segments.size())
            continue;
        QStringList params;
        bool ok = true;
        int literals = 0;
        for (int i = 0; i < r.pattern.size(); ++i) {
            if (r.pattern[i] == QLatin1String("{}")) {
                params.append(request.segments[i]);
            } else if (r.pattern[i] != request.segments[i].toLower()) {
                ok = false;
                break;
            } else {
                ++literals;
            }
        }
        if (!ok)
            continue;
        if (r.method != request.method && !(r.method == "GET" && request.method == "HEAD" && r.kind != RouteKind::Arm)) {
            allowed.append(QString::fromLatin1(r.method));
            continue;
        }
        if (literals > bestLiterals) {
            match = &r;
            bestLiterals = literals;
            request.params = params;
        }
    }
    const bool armPath = request.segments.isEmpty()
                         || request.segments.first().compare(QLatin1String("subscriptions"), Qt::CaseInsensitive) == 0
                         || request.segments.first().compare(QLatin1String("tenants"), Qt::CaseInsensitive) == 0
                         || request.segments.first().compare(QLatin1String("providers"), Qt::CaseInsensitive) == 0;
    if (!match) {
        Response r;
        if (!allowed.isEmpty()) {
            r = Response::armError(405, QStringLiteral("MethodNotAllowed"),
                                   QStringLiteral("The requested resource does not support http method '%1'.")
                                       .arg(QString::fromLatin1(request.method)));
            allowed.removeDuplicates();
            r.setHeader("Allow", allowed.join(QStringLiteral(", ")).toLatin1());
        } else if (armPath) {
            r = Response::armError(404, QStringLiteral("InvalidResourceType"),
                                   QStringLiteral("The resource type could not be found for the request path '%1'.")
                                       .arg(request.path.left(300)));
        } else {
            r = Response::armError(404, QStringLiteral("NotFound"),
                                   QStringLiteral("The requested path '%1' does not exist.").arg(request.path.left(300)));
        }
        if (armPath)
            addArmHeaders(request, r);
        return r;
    }
    *operationId = match->operationId;
    if (match->kind == RouteKind::Arm)
        return armPipeline(*match, request);
    return match->handler(request);
}

Response Sandbox::armPipeline(const Route &route, Request &request)
{
    Response response;
    if (auto denied = authenticate(request)) {
        response = *denied;
    } else if (!request.hasQuery(QStringLiteral("api-version")) || request.apiVersion().isEmpty()) {
        response = Response::armError(400, QStringLiteral("MissingApiVersionParameter"),
                                      QStringLiteral("The api-version query parameter (?api-version=) is required for all requests."));
    } else if (!route.apiVersions.contains(request.apiVersion())) {
        const QString supported = route.apiVersions.join(QStringLiteral(", "));
        if (route.apiFamily == QLatin1String("dps") || route.apiFamily == QLatin1String("hub")) {
            const QString type = route.apiFamily == QLatin1String("dps") ? QStringLiteral("provisioningServices")
                                                                        : QStringLiteral("IotHubs");
            response = Response::armError(400, QStringLiteral("NoRegisteredProviderFound"),
                                          QStringLiteral("No registered resource provider found for location 'global' and API version '%1' for type '%2'. The supported api-versions are '%3'.")
                                              .arg(request.apiVersion().left(40), type, supported));
        } else {
            response = Response::armError(400, QStringLiteral("InvalidApiVersionParameter"),
                                          QStringLiteral("The api-version '%1' is invalid. The supported versions are '%2'.")
                                              .arg(request.apiVersion().left(40), supported));
        }
    } else if (auto throttled = throttle(request)) {
        response = *throttled;
    } else {
        response = route.handler(request);
        if (request.method != "GET" && request.method != "HEAD" && response.status < 400)
            persist();
        else if (request.method != "GET" && request.method != "HEAD")
            persist(); // failed writes can still have changed state (e.g. a provider registration)
    }
    addArmHeaders(request, response);
    return response;
}

std::optional<Response> Sandbox::authenticate(Request &request)
{
    const QByteArray authorization = request.header("authorization");
    auto unauthorized = [&](const QString &code, const QString &message, const QString &tenant = QStringLiteral("common")) {
        Response r = Response::armError(401, code, message);
        QString description = message;
        description.replace(QLatin1Char('"'), QLatin1Char('\''));
        r.setHeader("WWW-Authenticate",
                    QStringLiteral("Bearer authorization_uri=\"%1%2\", error=\"invalid_token\", error_description=\"%3\"")
                        .arg(baseUrl().toString(), tenant, description.left(200))
                        .toUtf8());
        return r;
    };
    if (authorization.isEmpty())
        return unauthorized(QStringLiteral("AuthenticationFailed"),
                            QStringLiteral("Authentication failed. The 'Authorization' header is missing."));
    if (!authorization.startsWith("Bearer ") && !authorization.startsWith("bearer "))
        return unauthorized(QStringLiteral("AuthenticationFailed"),
                            QStringLiteral("Authentication failed. The 'Authorization' header is provided in an invalid format."));
    const QString token = QString::fromLatin1(authorization.mid(7).trimmed());
    QJsonObject claims;
    if (Jwt::verify(token, m_world.signingKey, &claims) != Jwt::Check::Ok)
        return unauthorized(QStringLiteral("InvalidAuthenticationToken"), QStringLiteral("The access token is invalid."));
    const qint64 now = m_world.nowMs() / 1000;
    const qint64 exp = qint64(claims.value(QStringLiteral("exp")).toDouble());
    const qint64 nbf = qint64(claims.value(QStringLiteral("nbf")).toDouble());
    const QString tid = claims.value(QStringLiteral("tid")).toString();
    if (exp <= now) {
        const auto fmt = [](qint64 s) {
            return QDateTime::fromSecsSinceEpoch(s, Qt::UTC).toString(QStringLiteral("M/d/yyyy h:mm:ss AP"));
        };
        return unauthorized(QStringLiteral("ExpiredAuthenticationToken"),
                            QStringLiteral("The access token expiry UTC time '%1' is earlier than current UTC time '%2'.")
                                .arg(fmt(exp), fmt(now)),
                            tid);
    }
    if (nbf > now + 300)
        return unauthorized(QStringLiteral("InvalidAuthenticationToken"),
                            QStringLiteral("The access token is not yet valid."), tid);
    const QString aud = claims.value(QStringLiteral("aud")).toString();
    const QStringList audiences = allowedAudiences(request.baseUrl);
    if (!audiences.contains(aud))
        return unauthorized(QStringLiteral("InvalidAuthenticationTokenAudience"),
                            QStringLiteral("The access token has been obtained for wrong audience or resource '%1'. It should exactly match with one of the allowed audiences '%2'.")
                                .arg(aud.left(200), audiences.join(QStringLiteral("','"))),
                            tid);
    const Principal *principal = m_world.principal(claims.value(QStringLiteral("oid")).toString());
    if (!principal || !m_world.tenant(tid))
        return unauthorized(QStringLiteral("InvalidAuthenticationToken"), QStringLiteral("The access token is invalid."));
    request.caller.objectId = principal->objectId;
    request.caller.tenantId = tid;
    request.caller.appId = claims.value(QStringLiteral("appid")).toString();
    request.caller.isServicePrincipal = principal->isServicePrincipal;
    return std::nullopt;
}

std::optional<Response> Sandbox::throttle(const Request &request)
{
    QString category = QStringLiteral("writes");
    int capacity = m_options.writeBucket, refill = m_options.writeRefillPerSec;
    if (request.method == "GET" || request.method == "HEAD") {
        category = QStringLiteral("reads");
        capacity = m_options.readBucket;
        refill = m_options.readRefillPerSec;
    } else if (request.method == "DELETE") {
        category = QStringLiteral("deletes");
        capacity = m_options.deleteBucket;
        refill = m_options.deleteRefillPerSec;
    }
    const bool subscriptionScope = request.segments.size() >= 2
                                   && request.segments[0].compare(QLatin1String("subscriptions"), Qt::CaseInsensitive) == 0;
    const QString scope = subscriptionScope ? request.segments[1].toLower() : request.caller.tenantId;
    Bucket &bucket = m_buckets[request.caller.objectId + QLatin1Char('|') + scope + QLatin1Char('|') + category];
    const qint64 now = m_world.nowMs();
    if (bucket.tokens < 0) {
        bucket.tokens = capacity;
    } else {
        bucket.tokens = std::min<double>(capacity, bucket.tokens + (now - bucket.lastMs) / 1000.0 * refill);
    }
    bucket.lastMs = now;
    if (bucket.tokens < 1) {
        const int wait = std::max(1, int(std::ceil((1 - bucket.tokens) / std::max(1, refill))));
        m_lastRemaining = 0;
        Response r = Response::armError(429, QStringLiteral("SubscriptionRequestsThrottled"),
                                        QStringLiteral("Number of '%1' requests for subscription '%2' actor '%3' exceeded. Please try again after '%4' seconds after the additional tokens are available. Refer to https://aka.ms/arm-throttling for additional information.")
                                            .arg(category.chopped(1), scope, request.caller.objectId)
                                            .arg(wait));
        r.setHeader("Retry-After", QByteArray::number(wait));
        return r;
    }
    bucket.tokens -= 1;
    m_lastRemaining = int(bucket.tokens);
    return std::nullopt;
}

void Sandbox::addArmHeaders(const Request &request, Response &response)
{
    response.setHeader("x-ms-correlation-request-id", request.correlationId.toLatin1());
    response.setHeader("x-ms-routing-request-id",
                       QStringLiteral("SANDBOX:%1:%2")
                           .arg(QDateTime::currentDateTimeUtc().toString(QStringLiteral("yyyyMMddThhmmssZ")), request.requestId)
                           .toLatin1());
    const bool subscriptionScope = request.segments.size() >= 2
                                   && request.segments[0].compare(QLatin1String("subscriptions"), Qt::CaseInsensitive) == 0;
    QByteArray kind = "writes";
    int fallback = m_options.writeBucket;
    if (request.method == "GET" || request.method == "HEAD") {
        kind = "reads";
        fallback = m_options.readBucket;
    } else if (request.method == "DELETE") {
        kind = "deletes";
        fallback = m_options.deleteBucket;
    }
    const int remaining = request.caller.objectId.isEmpty() ? fallback - 1 : m_lastRemaining;
    response.setHeader((subscriptionScope ? "x-ms-ratelimit-remaining-subscription-" : "x-ms-ratelimit-remaining-tenant-") + kind,
                       QByteArray::number(std::max(0, remaining)));
    response.setHeader("Cache-Control", "no-cache");
    response.setHeader("Pragma", "no-cache");
    response.setHeader("Expires", "-1");
    response.setHeader("X-Content-Type-Options", "nosniff");
    if (m_tls)
        response.setHeader("Strict-Transport-Security", "max-age=31536000; includeSubDomains");
}

} // namespace Dps::Sandbox
