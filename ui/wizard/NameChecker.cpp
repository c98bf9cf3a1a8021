#include "NameChecker.h"

#include "ui/widgets/FieldMessage.h"

#include <QLineEdit>

namespace Dps::Ui {

using NameKind = Setup::SetupController::NameKind;

NameChecker::NameChecker(Setup::SetupController &controller, NameKind kind, QLineEdit *edit, FieldMessage *message,
                         QObject *parent)
    : QObject(parent)
    , m_controller(controller)
    , m_kind(kind)
    , m_edit(edit)
    , m_message(message)
{
    connect(&controller, &Setup::SetupController::nameChecked, this,
            [this](NameKind kind, const QString &name, bool available, const QString &text) {
                if (kind != m_kind || name != m_edit->text().trimmed())
                    return; // an answer about an older name
                m_freeName = available && text.isEmpty() ? name : QString();
                if (available) {
                    m_availableName = name;
                    // A text here says the name is the plan's own resource (it will be used as it is).
                    m_message->setMessage(Status::Ok, text.isEmpty() ? tr("'%1' is available.").arg(name) : text);
                } else {
                    m_availableName.clear();
                    m_message->setMessage(Status::Error, text);
                }
                Q_EMIT changed();
            });
}

void NameChecker::check()
{
    const QString name = m_edit->text().trimmed();
    m_availableName.clear();
    m_freeName.clear();
    const QString problem = Setup::SetupController::nameProblem(name);
    if (problem.isEmpty())
        m_message->setMessage(Status::Busy, tr("Checking whether '%1' is free…").arg(name));
    else
        m_message->setMessage(Status::Error, problem);
    if (m_kind == NameKind::Dps)
        m_controller.checkDpsName(name);
    else
        m_controller.checkHubName(name);
    Q_EMIT changed();
}

bool NameChecker::isAvailable() const
{
    return !m_availableName.isEmpty() && m_availableName == m_edit->text().trimmed();
}

bool NameChecker::isFree() const
{
    return !m_freeName.isEmpty() && m_freeName == m_edit->text().trimmed();
}

} // namespace Dps::Ui
