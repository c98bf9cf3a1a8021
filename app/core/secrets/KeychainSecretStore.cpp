#include "KeychainSecretStore.h"

#include <QCryptographicHash>
#include <QPointer>

#include <optional>

namespace Dps::Secrets {

namespace {

using OptionalError = std::optional<SecretError>;

const QByteArray HeaderMagic = QByteArrayLiteral("dpss1 ");
constexpr int MaxHeaderSize = 64;

QByteArray digestOf(const QByteArray &value)
{
    // A prefix is plenty to tell a torn value from a whole one; it sits in the keychain next to the value.
    return QCryptographicHash::hash(value, QCryptographicHash::Sha256).toHex().left(16);
}

// What goes under key, key.1, key.2, ...: the value in parts, the first behind the header.
QList<QByteArray> encode(const QByteArray &value)
{
    const auto size = value.size();
    const int parts = qMax<int>(1,
                                int((size + KeychainSecretStore::ChunkSize - 1)
                                    / KeychainSecretStore::ChunkSize));
    QList<QByteArray> entries;
    entries.reserve(parts);
    for (int i = 0; i < parts; ++i)
        entries.append(value.mid(qsizetype(i) * KeychainSecretStore::ChunkSize,
                                 KeychainSecretStore::ChunkSize));
    const QByteArray header = HeaderMagic + QByteArray::number(parts) + ' '
                              + QByteArray::number(size) + ' ' + digestOf(value) + '\n';
    entries[0].prepend(header);
    return entries;
}

struct Header
{
    int parts = 0;
    qint64 length = 0;
    QByteArray digest;
    QByteArray firstPart;
};

enum class Parsed { NoHeader, Ok, Corrupt };

Parsed parseHeader(const QByteArray &entry, Header *header)
{
    if (!entry.startsWith(HeaderMagic))
        return Parsed::NoHeader;
    const qsizetype end = entry.indexOf('\n');
    if (end < 0 || end > MaxHeaderSize)
        return Parsed::Corrupt;
    const QList<QByteArray> fields
        = entry.mid(HeaderMagic.size(), end - HeaderMagic.size()).split(' ');
    if (fields.size() != 3)
        return Parsed::Corrupt;
    bool partsOk = false;
    bool lengthOk = false;
    header->parts = fields[0].toInt(&partsOk);
    header->length = fields[1].toLongLong(&lengthOk);
    header->digest = fields[2];
    header->firstPart = entry.mid(end + 1);
    if (!partsOk || !lengthOk || header->parts < 1 || header->parts > KeychainSecretStore::MaxChunks
        || header->length < 0 || header->length > KeychainSecretStore::MaxValueSize
        || header->digest.size() != 16
        || header->firstPart.size() > KeychainSecretStore::ChunkSize) {
        return Parsed::Corrupt;
    }
    return Parsed::Ok;
}

QString operationName(SecretJob::Operation operation)
{
    switch (operation) {
    case SecretJob::Operation::Read:
        return QStringLiteral("read");
    case SecretJob::Operation::Write:
        return QStringLiteral("write");
    case SecretJob::Operation::Remove:
        break;
    }
    return QStringLiteral("remove");
}

bool isSuccess(const KeychainResult &result)
{
    return result.error == QKeychain::NoError;
}

} // namespace

struct KeychainSecretStore::Operation
{
    SecretJob::Operation kind;
    QString key;
    QPointer<SecretJob> job;
    QByteArray value;          // write: the new value; read: what has been read so far
    QList<QByteArray> entries; // write: the entries to store
    int parts = 0;             // read: parts of the stored value; write, remove: of the old one
    qint64 length = 0;         // read: from the header
    QByteArray digest;         // read: from the header
    bool retried = false;
};

KeychainSecretStore::KeychainSecretStore(QObject *parent)
    : KeychainSecretStore(Options{}, nullptr, parent)
{}

KeychainSecretStore::KeychainSecretStore(Options options,
                                         std::unique_ptr<KeychainBackend> backend,
                                         QObject *parent)
    : SecretStore(parent)
    , m_options(std::move(options))
    , m_backend(std::move(backend))
{
    if (!m_options.clock)
        m_options.clock = Http::SystemClock::instance();
    if (!m_backend)
        m_backend = std::make_unique<QtKeychainBackend>(m_options.service);
}

KeychainSecretStore::~KeychainSecretStore()
{
    // Whatever the keychain answers from now on reaches no one (its callbacks die with `this`).
    for (const auto &queue : std::as_const(m_queues)) {
        for (const OperationPtr &op : queue) {
            if (op->job)
                op->job->fail(SecretError::other(
                    QStringLiteral("The keychain store was closed before the operation finished."),
                    op->key));
        }
    }
}

QString KeychainSecretStore::chunkKey(const QString &key, int index)
{
    return index == 0 ? key : key + QLatin1Char('.') + QString::number(index);
}

SecretJob *KeychainSecretStore::read(const QString &key)
{
    return enqueue(SecretJob::Operation::Read, key, {});
}

SecretJob *KeychainSecretStore::write(const QString &key, const QByteArray &value)
{
    return enqueue(SecretJob::Operation::Write, key, value);
}

SecretJob *KeychainSecretStore::remove(const QString &key)
{
    return enqueue(SecretJob::Operation::Remove, key, {});
}

SecretJob *KeychainSecretStore::enqueue(SecretJob::Operation kind,
                                        const QString &key,
                                        const QByteArray &value)
{
    auto *job = new SecretJob(kind, key);
    if (const QString problem = keyProblem(key); !problem.isEmpty()) {
        qCWarning(lcSecrets).noquote()
            << "refused to" << operationName(kind) << key << ":" << problem;
        job->fail(SecretError::other(problem, key));
        return job;
    }
    auto op = std::make_shared<Operation>();
    op->kind = kind;
    op->key = key;
    op->job = job;
    op->value = value;
    // One operation per key at a time: a write's parts and a remove's deletes must not interleave.
    std::deque<OperationPtr> &queue = m_queues[key];
    queue.push_back(op);
    if (queue.size() == 1)
        start(op);
    return job;
}

void KeychainSecretStore::start(const OperationPtr &op)
{
    switch (op->kind) {
    case SecretJob::Operation::Read:
        startRead(op);
        break;
    case SecretJob::Operation::Write:
        startWrite(op);
        break;
    case SecretJob::Operation::Remove:
        startRemove(op);
        break;
    }
}

// ---- read ---------------------------------------------------------------------------------------

void KeychainSecretStore::startRead(const OperationPtr &op)
{
    call(op, Call::Read, op->key, {}, [this, op](const KeychainResult &result) {
        if (result.error == QKeychain::EntryNotFound) {
            m_backend->checkLocked(this, [this, op](bool locked) {
                if (locked) {
                    fail(op,
                         {SecretError::Kind::Locked,
                          QStringLiteral("The keychain is locked, so the entry could not be read."),
                          op->key});
                } else {
                    fail(op, SecretError::notFound(op->key));
                }
            });
            return;
        }
        if (!isSuccess(result)) {
            fail(op, keychainError(result.error, result.message, op->key));
            return;
        }
        Header header;
        switch (parseHeader(result.data, &header)) {
        case Parsed::NoHeader:
            // Stored without our header (by hand, say): the entry is the whole value.
            succeed(op, result.data);
            return;
        case Parsed::Corrupt:
            fail(op,
                 SecretError::other(QStringLiteral(
                                        "The stored value is damaged (its header is invalid)."),
                                    op->key));
            return;
        case Parsed::Ok:
            break;
        }
        op->parts = header.parts;
        op->length = header.length;
        op->digest = header.digest;
        op->value = header.firstPart;
        readPart(op, 1);
    });
}

void KeychainSecretStore::readPart(const OperationPtr &op, int index)
{
    if (index >= op->parts) {
        if (op->value.size() != op->length || digestOf(op->value) != op->digest) {
            fail(op,
                 SecretError::other(QStringLiteral(
                                        "The stored value is damaged (its parts don't match; an "
                                        "earlier write may have been interrupted)."),
                                    op->key));
            return;
        }
        succeed(op, op->value);
        return;
    }
    call(op, Call::Read, chunkKey(op->key, index), {}, [this, op, index](const KeychainResult &result) {
        if (result.error == QKeychain::EntryNotFound) {
            fail(op,
                 SecretError::other(QStringLiteral(
                                        "The stored value is incomplete: part %1 of %2 is missing.")
                                        .arg(index + 1)
                                        .arg(op->parts),
                                    op->key));
            return;
        }
        if (!isSuccess(result)) {
            fail(op, keychainError(result.error, result.message, op->key));
            return;
        }
        op->value += result.data;
        readPart(op, index + 1);
    });
}

// ---- write --------------------------------------------------------------------------------------

void KeychainSecretStore::startWrite(const OperationPtr &op)
{
    if (op->value.size() > MaxValueSize) {
        fail(op,
             SecretError::other(
                 QStringLiteral("The value is too long for the keychain (%1 bytes, at most %2).")
                     .arg(op->value.size())
                     .arg(MaxValueSize),
                 op->key));
        return;
    }
    op->entries = encode(op->value);
    op->value.clear(); // the entries hold it now; no second copy for the operation's lifetime
    qCDebug(lcSecrets).noquote() << "writing" << op->key << "in" << op->entries.size() << "part(s)";
    // The old header says how many parts an earlier value had, so the stale ones can be removed.
    call(op, Call::Read, op->key, {}, [this, op](const KeychainResult &result) {
        if (result.error == QKeychain::EntryNotFound) {
            op->parts = 0;
        } else if (!isSuccess(result)) {
            fail(op, keychainError(result.error, result.message, op->key));
            return;
        } else {
            Header header;
            op->parts = parseHeader(result.data, &header) == Parsed::Ok ? header.parts : 1;
        }
        writePart(op, op->entries.size() > 1 ? 1 : 0);
    });
}

void KeychainSecretStore::writePart(const OperationPtr &op, int index)
{
    // Parts 1..n-1 first, the header last: until it is written, readers see the old value (or, if a
    // part of the old value was overwritten already, a digest mismatch), never a mix taken as whole.
    call(op,
         Call::Write,
         chunkKey(op->key, index),
         op->entries.at(index),
         [this, op, index](const KeychainResult &result) {
             if (!isSuccess(result)) {
                 fail(op, keychainError(result.error, result.message, op->key));
                 return;
             }
             if (index != 0) {
                 writePart(op, index + 1 < op->entries.size() ? index + 1 : 0);
                 return;
             }
             const int parts = int(op->entries.size());
             op->entries.clear();
             removeParts(op, parts, op->parts, [this, op](const OptionalError &error) {
                 // The new value is stored whole; leftovers are swept by the next write or remove.
                 if (error)
                     qCWarning(lcSecrets).noquote()
                         << "wrote" << op->key
                         << "but could not remove the parts of its earlier value:"
                         << SecretError::kindName(error->kind) << error->message;
                 succeed(op);
             });
         });
}

// ---- remove -------------------------------------------------------------------------------------

void KeychainSecretStore::startRemove(const OperationPtr &op)
{
    call(op, Call::Read, op->key, {}, [this, op](const KeychainResult &result) {
        if (result.error == QKeychain::EntryNotFound) {
            m_backend->checkLocked(this, [this, op](bool locked) {
                if (locked) {
                    fail(op,
                         {SecretError::Kind::Locked,
                          QStringLiteral(
                              "The keychain is locked, so the entry could not be removed."),
                          op->key});
                    return;
                }
                // Nothing under the key; still sweep parts an interrupted remove may have left behind.
                removeParts(op, 1, 0, [this, op](const OptionalError &error) {
                    error ? fail(op, *error) : succeed(op);
                });
            });
            return;
        }
        if (!isSuccess(result)) {
            fail(op, keychainError(result.error, result.message, op->key));
            return;
        }
        Header header;
        op->parts = parseHeader(result.data, &header) == Parsed::Ok ? header.parts : 1;
        // The header goes first: from then on the value reads as NotFound, even if a part deletion fails.
        call(op, Call::Remove, op->key, {}, [this, op](const KeychainResult &removed) {
            if (!isSuccess(removed) && removed.error != QKeychain::EntryNotFound) {
                fail(op, keychainError(removed.error, removed.message, op->key));
                return;
            }
            removeParts(op, 1, op->parts, [this, op](const OptionalError &error) {
                if (!error) {
                    succeed(op);
                    return;
                }
                SecretError partial = *error;
                partial.message = QStringLiteral(
                                      "The value was removed but some of its parts were not: %1")
                                      .arg(partial.message);
                fail(op, partial);
            });
        });
    });
}

// ---- parts --------------------------------------------------------------------------------------

void KeychainSecretStore::removeParts(const OperationPtr &op, int from, int knownEnd, PartsDone done)
{
    // Top down, so an interrupted sweep leaves a run that starts at `from`, which the next one finds.
    findPartsEnd(op,
                 qMax(from, knownEnd),
                 [this, op, from, done](int end, const OptionalError &error) {
                     if (error) {
                         done(error);
                         return;
                     }
                     deletePartsDown(op, end - 1, from, done);
                 });
}

void KeychainSecretStore::findPartsEnd(const OperationPtr &op,
                                       int index,
                                       std::function<void(int, const OptionalError &)> done)
{
    // Deleting a missing entry "succeeds" with libsecret, so look before deleting.
    if (index > MaxChunks) {
        done(index, std::nullopt);
        return;
    }
    call(op,
         Call::Read,
         chunkKey(op->key, index),
         {},
         [this, op, index, done](const KeychainResult &result) {
             if (result.error == QKeychain::EntryNotFound) {
                 done(index, std::nullopt);
             } else if (!isSuccess(result)) {
                 done(index, keychainError(result.error, result.message, op->key));
             } else {
                 findPartsEnd(op, index + 1, done);
             }
         });
}

void KeychainSecretStore::deletePartsDown(const OperationPtr &op,
                                          int index,
                                          int from,
                                          PartsDone done)
{
    if (index < from) {
        done(std::nullopt);
        return;
    }
    call(op,
         Call::Remove,
         chunkKey(op->key, index),
         {},
         [this, op, index, from, done](const KeychainResult &result) {
             if (!isSuccess(result) && result.error != QKeychain::EntryNotFound) {
                 done(keychainError(result.error, result.message, op->key));
                 return;
             }
             deletePartsDown(op, index - 1, from, done);
         });
}

// ---- plumbing -----------------------------------------------------------------------------------

void KeychainSecretStore::call(const OperationPtr &op,
                               Call what,
                               const QString &entry,
                               const QByteArray &data,
                               KeychainCallback done)
{
    KeychainCallback handle = [this, op, what, entry, data, done](const KeychainResult &result) {
        if (result.error == QKeychain::NoError || result.error == QKeychain::EntryNotFound) {
            m_keychainAnswered = true;
            done(result);
            return;
        }
        const SecretError error = keychainError(result.error, result.message, op->key);
        const bool mayBeStarting = error.kind == SecretError::Kind::NoBackend
                                   || error.kind == SecretError::Kind::Other;
        if (mayBeStarting && !m_keychainAnswered && !op->retried) {
            op->retried = true;
            qCInfo(lcSecrets).nospace().noquote()
                << "keychain not available (yet?): " << result.message << "; retrying "
                << operationName(op->kind) << " " << op->key << " in " << m_options.retryDelayMs
                << " ms";
            m_options.clock->callLater(m_options.retryDelayMs,
                                       this,
                                       [this, op, what, entry, data, done] {
                                           call(op, what, entry, data, done);
                                       });
            return;
        }
        done(result);
    };
    switch (what) {
    case Call::Read:
        m_backend->read(entry, this, std::move(handle));
        break;
    case Call::Write:
        m_backend->write(entry, data, this, std::move(handle));
        break;
    case Call::Remove:
        m_backend->remove(entry, this, std::move(handle));
        break;
    }
}

void KeychainSecretStore::succeed(const OperationPtr &op, const QByteArray &value)
{
    qCDebug(lcSecrets).noquote() << operationName(op->kind) << op->key << "done";
    if (op->job)
        op->job->succeed(value);
    finish(op);
}

void KeychainSecretStore::fail(const OperationPtr &op, SecretError error)
{
    error.key = op->key;
    if (error.kind == SecretError::Kind::NotFound)
        qCDebug(lcSecrets).noquote() << operationName(op->kind) << op->key << ": not found";
    else
        qCWarning(lcSecrets).noquote()
            << operationName(op->kind) << op->key << "failed:" << SecretError::kindName(error.kind)
            << error.message;
    if (op->job)
        op->job->fail(error);
    finish(op);
}

void KeychainSecretStore::finish(const OperationPtr &op)
{
    op->value.clear();
    op->entries.clear();
    const auto it = m_queues.find(op->key);
    if (it == m_queues.end() || it->empty() || it->front() != op)
        return;
    it->pop_front();
    if (it->empty()) {
        m_queues.erase(it);
        return;
    }
    const OperationPtr next = it->front();
    start(next);
}

} // namespace Dps::Secrets
