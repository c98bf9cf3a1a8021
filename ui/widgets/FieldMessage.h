#pragma once

#include "StatusIcons.h"

#include <QPointer>
#include <QWidget>

class QLabel;

namespace Dps::Ui {

// The line under a field that says, in words, what is wrong with it (or that a check is running, or
// that all is well). It also becomes the field's accessible description, so screen readers read it.
class FieldMessage : public QWidget
{
    Q_OBJECT
public:
    explicit FieldMessage(QWidget *field = nullptr, QWidget *parent = nullptr);

    void setMessage(Status status, const QString &text);
    void clear();
    Status status() const { return m_status; }
    QString text() const;

protected:
    void changeEvent(QEvent *event) override;

private:
    void applyColor();

    QPointer<QWidget> m_field;
    QLabel *m_icon;
    QLabel *m_text;
    Status m_status = Status::None;
};

} // namespace Dps::Ui
