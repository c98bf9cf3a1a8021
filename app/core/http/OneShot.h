#pragma once

#include <QMetaObject>
#include <QPointer>

namespace Dps::Http {

// The completion rule of every one-shot async object in dps_core (ArmReply, ArmPager, ArmOperation,
// ServiceCall, SecretJob; STYLE.md section 3): the result is emitted exactly once, from the event
// loop (so a caller connecting right after the call that created the object never misses it), and
// the object then deletes itself, unless a slot already deleted it. Returns false when the object
// had already finished (`done` set), in which case nothing happens.
template<typename T, typename Emit>
bool finishOnce(T *object, bool &done, Emit emitResult)
{
    if (done)
        return false;
    done = true;
    QMetaObject::invokeMethod(
        object,
        [object, emitResult] {
            QPointer<T> self(object);
            emitResult();
            if (self)
                self->deleteLater();
        },
        Qt::QueuedConnection);
    return true;
}

} // namespace Dps::Http
