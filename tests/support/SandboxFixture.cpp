#include "SandboxFixture.h"

#include <csignal>
#include <sys/prctl.h>

#include <QCoreApplication>
#include <QDeadlineTimer>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSignalSpy>
#include <QSslConfiguration>
#include <QThread>
#include <QTimer>
#include <QUrlQuery>

#include <csignal>

namespace Dps::Test {

QString SandboxProcess::executable()
{
    const QString fromEnv = qEnvironmentVariable("DPS_ARM_SANDBOX");
    if (!fromEnv.isEmpty())
        return fromEnv;
    return QStringLiteral(DPS_ARM_SANDBOX_PATH);
}

QString azureSpecsDir()
{
    const QString fromEnv = qEnvironmentVariable("DPS_AZURE_SPECS");
    if (!fromEnv.isEmpty())
        return fromEnv;
    return QDir(QStringLiteral(DPS_SOURCE_DIR)).absoluteFilePath(QStringLiteral("tests/specs"));
}

SandboxProcess::SandboxProcess()
    : SandboxProcess(Options())
{}

SandboxProcess::SandboxProcess(Options options)
    : m_options(std::move(options))
{}

SandboxProcess::~SandboxProcess()
{
    stop();
}

bool SandboxProcess::makeCertificate(QString *error)
{
    m_certPath = m_dir.filePath(QStringLiteral("sandbox-cert.pem"));
    m_keyPath = m_dir.filePath(QStringLiteral("sandbox-key.pem"));
    QProcess openssl;
    openssl.start(QStringLiteral("openssl"),
                  {QStringLiteral("req"), QStringLiteral("-x509"), QStringLiteral("-newkey"), QStringLiteral("rsa:2048"),
                   QStringLiteral("-nodes"), QStringLiteral("-days"), QStringLiteral("2"),
                   QStringLiteral("-subj"), QStringLiteral("/CN=127.0.0.1"),
                   QStringLiteral("-addext"), QStringLiteral("subjectAltName=IP:127.0.0.1,DNS:localhost"),
                   QStringLiteral("-keyout"), m_keyPath, QStringLiteral("-out"), m_certPath});
    if (!openssl.waitForFinished(30000) || openssl.exitCode() != 0) {
        if (error)
            *error = QStringLiteral("openssl failed: ") + QString::fromLocal8Bit(openssl.readAllStandardError());
        return false;
    }
    return true;
}

bool SandboxProcess::start(QString *error)
{
    if (!m_dir.isValid()) {
        if (error)
            *error = QStringLiteral("no temporary directory");
        return false;
    }
    QStringList args{QStringLiteral("--port"), QStringLiteral("0"),
                     QStringLiteral("--world"), m_options.world,
                     QStringLiteral("--info-file"), m_dir.filePath(QStringLiteral("info.json")),
                     QStringLiteral("--lro-seconds"), m_options.lroSeconds};
    if (!m_options.stateFile.isEmpty())
        args << QStringLiteral("--state") << m_options.stateFile;
    if (m_options.tokenLifetime > 0)
        args << QStringLiteral("--token-lifetime") << QString::number(m_options.tokenLifetime);
    if (m_options.pageSize > 0)
        args << QStringLiteral("--page-size") << QString::number(m_options.pageSize);
    if (m_options.autoApprove)
        args << QStringLiteral("--auto-approve");
    if (m_options.tls) {
        if (m_certPath.isEmpty() && !makeCertificate(error))
            return false;
        args << QStringLiteral("--tls-cert") << m_certPath << QStringLiteral("--tls-key") << m_keyPath;
    }
    args << m_options.extraArgs;

    const QString infoPath = m_dir.filePath(QStringLiteral("info.json"));
    QFile::remove(infoPath);
    m_process = std::make_unique<QProcess>();
    m_process->setProcessChannelMode(QProcess::ForwardedErrorChannel);
    // A test that crashes (a sanitizer report) must not leave its sandbox behind: it would hold the
    // test's stderr open, and ctest would wait for it until the timeout.
    m_process->setChildProcessModifier([] { ::prctl(PR_SET_PDEATHSIG, SIGTERM); });
    m_process->start(executable(), args);
    if (!m_process->waitForStarted(10000)) {
        if (error)
            *error = QStringLiteral("cannot start %1: %2").arg(executable(), m_process->errorString());
        return false;
    }
    QDeadlineTimer deadline(20000);
    while (!deadline.hasExpired()) {
        if (m_process->state() == QProcess::NotRunning) {
            if (error)
                *error = QStringLiteral("arm-sandbox exited with %1").arg(m_process->exitCode());
            return false;
        }
        QFile file(infoPath);
        if (file.open(QIODevice::ReadOnly)) {
            const auto doc = QJsonDocument::fromJson(file.readAll());
            if (doc.isObject()) {
                m_info = doc.object();
                return true;
            }
        }
        QCoreApplication::processEvents();
        QThread::msleep(10);
    }
    if (error)
        *error = QStringLiteral("arm-sandbox wrote no info file within 20 s");
    return false;
}

void SandboxProcess::stop()
{
    if (!m_process || m_process->state() == QProcess::NotRunning)
        return;
    m_process->terminate();
    if (!m_process->waitForFinished(10000)) {
        m_process->kill();
        m_process->waitForFinished(5000);
    }
}

void SandboxProcess::kill()
{
    if (!m_process || m_process->state() == QProcess::NotRunning)
        return;
    m_process->kill();
    m_process->waitForFinished(5000);
}

int SandboxProcess::exitCode() const
{
    return m_process ? m_process->exitCode() : -1;
}

QUrl SandboxProcess::baseUrl() const
{
    return QUrl(m_info.value(QStringLiteral("armEndpoint")).toString());
}

QString SandboxProcess::subscriptionId(int index) const
{
    return m_info.value(QStringLiteral("subscriptions")).toArray().at(index).toObject().value(QStringLiteral("subscriptionId")).toString();
}

QString SandboxProcess::tenantId(int index) const
{
    return m_info.value(QStringLiteral("tenants")).toArray().at(index).toObject().value(QStringLiteral("tenantId")).toString();
}

// ---------------------------------------------------------------------------------------------

QJsonObject HttpResult::json() const
{
    return QJsonDocument::fromJson(body).object();
}

QByteArray HttpResult::header(const QByteArray &name) const
{
    for (const auto &h : headers) {
        if (h.first.compare(name, Qt::CaseInsensitive) == 0)
            return h.second;
    }
    return {};
}

HttpClient::HttpClient(const SandboxProcess *sandbox)
    : m_sandbox(sandbox)
{
    if (sandbox && !sandbox->caCertificatePath().isEmpty())
        trustCertificate(sandbox->caCertificatePath());
}

void HttpClient::trustCertificate(const QString &pemPath)
{
    m_trusted += QSslCertificate::fromPath(pemPath, QSsl::Pem);
}

HttpResult HttpClient::send(const QByteArray &method, const QUrl &url, const QByteArray &body,
                            const QList<QPair<QByteArray, QByteArray>> &headers, int timeoutMs)
{
    QNetworkRequest request(url);
    request.setAttribute(QNetworkRequest::RedirectPolicyAttribute, QNetworkRequest::ManualRedirectPolicy);
    if (!m_trusted.isEmpty()) {
        QSslConfiguration ssl = QSslConfiguration::defaultConfiguration();
        ssl.addCaCertificates(m_trusted);
        request.setSslConfiguration(ssl);
    }
    if (!m_bearer.isEmpty())
        request.setRawHeader("Authorization", "Bearer " + m_bearer.toLatin1());
    for (const auto &h : headers)
        request.setRawHeader(h.first, h.second);
    QNetworkReply *reply = m_nam.sendCustomRequest(request, method, body);
    QSignalSpy spy(reply, &QNetworkReply::finished);
    HttpResult result;
    if (!reply->isFinished() && !spy.wait(timeoutMs)) {
        reply->abort();
        result.error = QNetworkReply::TimeoutError;
        result.errorString = QStringLiteral("timeout");
        reply->deleteLater();
        return result;
    }
    result.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    result.error = reply->error();
    result.errorString = reply->errorString();
    result.body = reply->readAll();
    result.headers = reply->rawHeaderPairs();
    reply->deleteLater();
    return result;
}

HttpResult HttpClient::putJson(const QUrl &url, const QJsonObject &body)
{
    return send("PUT", url, QJsonDocument(body).toJson(QJsonDocument::Compact),
                {{"Content-Type", "application/json"}});
}

HttpResult HttpClient::postJson(const QUrl &url, const QJsonObject &body)
{
    return send("POST", url, QJsonDocument(body).toJson(QJsonDocument::Compact),
                {{"Content-Type", "application/json"}});
}

HttpResult HttpClient::postForm(const QUrl &url, const QList<QPair<QString, QString>> &form)
{
    QUrlQuery q;
    for (const auto &f : form)
        q.addQueryItem(f.first, f.second);
    // QUrlQuery leaves '+' alone; a form body must encode it.
    QByteArray body = q.query(QUrl::FullyEncoded).toUtf8().replace('+', "%2B");
    return send("POST", url, body, {{"Content-Type", "application/x-www-form-urlencoded"}});
}

QUrl HttpClient::arm(const QString &path, const QString &apiVersion, const QString &extraQuery) const
{
    QUrl url = m_sandbox ? m_sandbox->baseUrl() : QUrl();
    url.setPath(path);
    QString query = QStringLiteral("api-version=") + apiVersion;
    if (!extraQuery.isEmpty())
        query += QLatin1Char('&') + extraQuery;
    url.setQuery(query);
    return url;
}

QString HttpClient::servicePrincipalToken(const QString &scope)
{
    if (!m_sandbox)
        return {};
    const QJsonObject sp = m_sandbox->info().value(QStringLiteral("servicePrincipal")).toObject();
    QUrl url(m_sandbox->info().value(QStringLiteral("authorityHost")).toString());
    url.setPath(QStringLiteral("/%1/oauth2/v2.0/token").arg(sp.value(QStringLiteral("tenantId")).toString()));
    const QString saved = m_bearer;
    m_bearer.clear();
    const HttpResult r = postForm(url, {{QStringLiteral("grant_type"), QStringLiteral("client_credentials")},
                                        {QStringLiteral("client_id"), sp.value(QStringLiteral("clientId")).toString()},
                                        {QStringLiteral("client_secret"), sp.value(QStringLiteral("clientSecret")).toString()},
                                        {QStringLiteral("scope"), scope}});
    m_bearer = saved;
    return r.json().value(QStringLiteral("access_token")).toString();
}

} // namespace Dps::Test
