#pragma once

#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QProcess>
#include <QString>
#include <QStringList>
#include <QTemporaryDir>
#include <QUrl>

#include <memory>

namespace Dps::Test {

// Starts a real `arm-sandbox` process on a free loopback port (HTTP, or HTTPS with a generated
// self-signed certificate), waits for its info file, and stops it with SIGTERM at the end.
class SandboxProcess
{
public:
    struct Options
    {
        QString world = QStringLiteral("empty");
        bool tls = false;
        QString lroSeconds = QStringLiteral("0.3,0.5,0.2");
        QString stateFile;        // empty: none
        int tokenLifetime = 0;    // 0: default
        int pageSize = 0;         // 0: default
        bool autoApprove = true;
        QStringList extraArgs;
    };

    SandboxProcess();
    explicit SandboxProcess(Options options);
    ~SandboxProcess();

    bool start(QString *error = nullptr);
    void stop();           // SIGTERM, wait
    void kill();           // SIGKILL
    int exitCode() const;

    const QJsonObject &info() const { return m_info; }
    QUrl baseUrl() const;  // armEndpoint
    QString subscriptionId(int index = 0) const;
    QString tenantId(int index = 0) const;
    QString caCertificatePath() const { return m_certPath; } // the self-signed cert (TLS only)
    QString dir() const { return m_dir.path(); }
    QProcess &process() { return *m_process; }

    static QString executable(); // path of arm-sandbox next to the tests (DPS_ARM_SANDBOX env overrides)

private:
    bool makeCertificate(QString *error);

    Options m_options;
    QTemporaryDir m_dir;
    std::unique_ptr<QProcess> m_process;
    QJsonObject m_info;
    QString m_certPath;
    QString m_keyPath;
};

// A tiny synchronous-for-tests HTTP helper over a real QNetworkAccessManager: sends, waits on the
// reply's finished signal (QSignalSpy style, bounded), and gives status, headers and JSON body.
struct HttpResult
{
    int status = 0;
    QNetworkReply::NetworkError error = QNetworkReply::NoError;
    QString errorString;
    QByteArray body;
    QList<QNetworkReply::RawHeaderPair> headers;
    QJsonObject json() const;
    QByteArray header(const QByteArray &name) const;
};

class HttpClient
{
public:
    explicit HttpClient(const SandboxProcess *sandbox = nullptr);

    // Trusts the sandbox's self-signed certificate for HTTPS (never ignores errors).
    void trustCertificate(const QString &pemPath);
    void setBearer(const QString &token) { m_bearer = token; }
    QString bearer() const { return m_bearer; }

    HttpResult send(const QByteArray &method, const QUrl &url, const QByteArray &body = {},
                    const QList<QPair<QByteArray, QByteArray>> &headers = {}, int timeoutMs = 15000);
    HttpResult get(const QUrl &url) { return send("GET", url); }
    HttpResult putJson(const QUrl &url, const QJsonObject &body);
    HttpResult postJson(const QUrl &url, const QJsonObject &body);
    HttpResult postForm(const QUrl &url, const QList<QPair<QString, QString>> &form);

    // ARM URL: armEndpoint + path + ?api-version=...
    QUrl arm(const QString &path, const QString &apiVersion, const QString &extraQuery = {}) const;
    // Client-credentials token for the sandbox's service principal (from the info file).
    QString servicePrincipalToken(const QString &scope = QStringLiteral("https://management.azure.com/.default"));

    QNetworkAccessManager &nam() { return m_nam; }

private:
    const SandboxProcess *m_sandbox;
    QNetworkAccessManager m_nam;
    QList<QSslCertificate> m_trusted;
    QString m_bearer;
};

// Where the official specs live: tests/specs in the checkout (tests/specs/README.md), or DPS_AZURE_SPECS.
QString azureSpecsDir();

} // namespace Dps::Test
