#pragma once

#include "setup/SetupController.h"

#include <QObject>

class QLineEdit;

namespace Dps::Ui {

class FieldMessage;

// The live availability check behind a name field (the DPS and IoT hub pages): asks the controller
// (debounced there), says beside the field what is going on (checking, available, taken, what breaks
// the naming rule), and knows whether the name as it stands now may be used.
class NameChecker : public QObject
{
    Q_OBJECT
public:
    NameChecker(Setup::SetupController &controller, Setup::SetupController::NameKind kind, QLineEdit *edit,
                FieldMessage *message, QObject *parent);

    void check(); // the field's current text
    bool isAvailable() const;
    // The service said the name is free, not merely the plan's own resource: where that resource is
    // looked for does not matter.
    bool isFree() const;

Q_SIGNALS:
    void changed();

private:
    Setup::SetupController &m_controller;
    Setup::SetupController::NameKind m_kind;
    QLineEdit *m_edit;
    FieldMessage *m_message;
    QString m_availableName; // the last name the service said is free (or is the plan's own resource)
    QString m_freeName;      // the last name the service said is free
};

} // namespace Dps::Ui
