#include "MemorySecretStore.h"

#include <algorithm>

namespace Dps::Secrets {

namespace {

// The programmer errors KeychainSecretStore refuses, refused here too so tests catch them.
bool refuseBadKey(SecretJob *job, const QString &key)
{
    const QString problem = keyProblem(key);
    if (problem.isEmpty())
        return false;
    job->fail(SecretError::other(problem, key));
    return true;
}

} // namespace

MemorySecretStore::MemorySecretStore(QObject *parent)
    : SecretStore(parent)
{}

MemorySecretStore::~MemorySecretStore()
{
    // Best effort: overwrite the values this store still holds alone (copies handed out are the
    // caller's), so they don't linger in freed memory.
    for (QByteArray &value : m_values)
        value.fill('\0');
}

SecretJob *MemorySecretStore::read(const QString &key)
{
    auto *job = new SecretJob(SecretJob::Operation::Read, key);
    if (refuseBadKey(job, key))
        return job;
    if (m_failure) {
        SecretError error = *m_failure;
        error.key = key;
        job->fail(error);
    } else if (const auto it = m_values.constFind(key); it != m_values.cend()) {
        job->succeed(*it);
    } else {
        job->fail(SecretError::notFound(key));
    }
    return job;
}

SecretJob *MemorySecretStore::write(const QString &key, const QByteArray &value)
{
    auto *job = new SecretJob(SecretJob::Operation::Write, key);
    if (refuseBadKey(job, key))
        return job;
    if (m_failure) {
        SecretError error = *m_failure;
        error.key = key;
        job->fail(error);
        return job;
    }
    // Applied now, reported later: a read started after this write sees the new value.
    m_values.insert(key, value);
    job->succeed();
    return job;
}

SecretJob *MemorySecretStore::remove(const QString &key)
{
    auto *job = new SecretJob(SecretJob::Operation::Remove, key);
    if (refuseBadKey(job, key))
        return job;
    if (m_failure) {
        SecretError error = *m_failure;
        error.key = key;
        job->fail(error);
        return job;
    }
    if (auto it = m_values.find(key); it != m_values.end()) {
        it->fill('\0');
        m_values.erase(it);
    }
    job->succeed();
    return job;
}

QStringList MemorySecretStore::keys() const
{
    QStringList keys = m_values.keys();
    std::sort(keys.begin(), keys.end());
    return keys;
}

void MemorySecretStore::clear()
{
    for (QByteArray &value : m_values)
        value.fill('\0');
    m_values.clear();
}

} // namespace Dps::Secrets
