#pragma once

#include "StatusIcons.h"

#include <QLabel>
#include <QPointer>

namespace Dps::Ui {

// Word wrap for a label of a wizard page. QWizard sizes pages from their minimum width, at which a
// wrapping label is many lines high: a minimum width of about 40 characters keeps rows from gaping.
void wrapText(QLabel *label);

// The line under a field that says, in words, what is wrong with it (or that a check is running, or
// that all is well), with the status's SVG icon in front. It also becomes the field's accessible
// description, so screen readers read it. One rich-text label, so it wraps like the page's other notes.
// It keeps one line's height while empty, so the fields below stay put when a message comes.
class FieldMessage : public QLabel
{
    Q_OBJECT
public:
    explicit FieldMessage(QWidget *field = nullptr, QWidget *parent = nullptr);

    void setMessage(Status status, const QString &text);
    void clear();
    Status status() const { return m_status; }
    QString text() const { return m_plainText; }

protected:
    void changeEvent(QEvent *event) override;

private:
    void render();
    void reserveLine();
    QString html(Status status, const QString &text) const;

    QPointer<QWidget> m_field;
    QString m_plainText;
    Status m_status = Status::None;
};

} // namespace Dps::Ui
