#include "SecretStore.h"

#include "http/OneShot.h"

#include <QRegularExpression>

Q_LOGGING_CATEGORY(lcSecrets, "dps.secrets")

namespace Dps::Secrets {

SecretJob::SecretJob(Operation operation, const QString &key, QObject *parent)
    : QObject(parent)
    , m_operation(operation)
    , m_key(key)
{}

void SecretJob::succeed(const QByteArray &value)
{
    // Queued, so the signal never fires inside the call that created the job.
    Http::finishOnce(this, m_done, [this, value] { Q_EMIT finished(value); });
}

void SecretJob::fail(const SecretError &error)
{
    Http::finishOnce(this, m_done, [this, error] { Q_EMIT failed(error); });
}

QString refreshTokenKey(const QString &tenantId, const QString &accountId)
{
    return QStringLiteral("dps/%1/%2/refresh-token").arg(tenantId, accountId);
}

QString clientSecretKey(const QString &tenantId, const QString &clientId)
{
    return QStringLiteral("dps/%1/%2/client-secret").arg(tenantId, clientId);
}

QString keyProblem(const QString &key)
{
    if (key.isEmpty())
        return QStringLiteral("The key is empty.");
    static const QRegularExpression chunkSuffix(QStringLiteral("\\.[0-9]+$"));
    if (chunkSuffix.match(key).hasMatch())
        return QStringLiteral(
            "Keys ending in \".<number>\" are reserved for the parts of long values.");
    return {};
}

} // namespace Dps::Secrets
