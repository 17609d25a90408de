// A plotting library's header on -I, in the shape of QCustomPlot: every
// class knows its plot and the plot knows them all, and nothing names a
// session. Nothing here is a finding.
#ifndef PLOTLIB_PLOT_H
#define PLOTLIB_PLOT_H

#include <map>
#include <memory>
#include <string>
#include <vector>

namespace plotlib {

class Plot;
class Axis;
class Layer;
class Legend;

class Layerable {
public:
  explicit Layerable(Plot *Parent) : ParentPlot(Parent) {}
  virtual ~Layerable() = default;
  Plot *parentPlot() const { return ParentPlot; }
  Layer *layer() const { return OwnLayer; }
  bool setLayer(Layer *L) { OwnLayer = L; return true; }

protected:
  Plot *ParentPlot;
  Layer *OwnLayer = nullptr;
};

class Layer {
public:
  Plot *parentPlot() const { return ParentPlot; }
  const std::vector<Layerable *> &children() const { return Children; }
  void add(Layerable *Child) { Children.push_back(Child); }
  Layerable *take() {
    Layerable *Last = Children.back();
    Children.pop_back();
    return Last;
  }

private:
  Plot *ParentPlot = nullptr;
  std::vector<Layerable *> Children;
};

class Axis : public Layerable {
public:
  using Layerable::Layerable;
  Axis *partner() const { return Partner; }
  Legend *legend() const;
  std::string label() const { return Label; }

private:
  Axis *Partner = nullptr;
  std::string Label;
};

class Legend : public Layerable {
public:
  using Layerable::Layerable;
  Axis *axis(int I) const { return Axes.at(I); }

private:
  std::map<int, Axis *> Axes;
};

// Named like a pool, holding nothing of a database.
class AxisPool {
public:
  Axis *acquire() { return Free.empty() ? nullptr : Free.back(); }
  void release(Axis *A) { Free.push_back(A); }

private:
  std::vector<Axis *> Free;
};

class Plot {
public:
  Axis *xAxis() const { return X; }
  Layer *layer(const std::string &Name) const;
  Legend *legend() const { return TheLegend.get(); }
  static Plot *current();

private:
  Axis *X = nullptr, *Y = nullptr;
  std::vector<std::unique_ptr<Layer>> Layers;
  std::unique_ptr<Legend> TheLegend;
  AxisPool Spare;
  Plot *Parent = nullptr;
};

} // namespace plotlib

#endif
